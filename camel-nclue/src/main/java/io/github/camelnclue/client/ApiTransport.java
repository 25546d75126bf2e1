/*
 * Copyright 2026 The camel-nclue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelnclue.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueIoException;
import io.github.camelnclue.model.DryRunRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed API calls with the JDK HTTP client, asynchronously: waits for the rate limiter, signs each attempt
 * afresh (the timestamp must be within 5 minutes), retries what is safe to retry and maps replies to records or to
 * {@link NclueApiException}.
 * <p>
 * Retried: 429 always (the gateway refused the request before the service saw it, so even a create is safe), connection
 * refusals always (nothing was sent), and 5xx and other I/O errors only for idempotent calls: a create that may have
 * reached NCLUE is never sent blindly again.
 */
public final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final String TRACE_ID_HEADER = "x-ncp-trace-id";
    /** 429 retries allowed per configured retry: throttling is expected under a shared quota, errors are not. */
    static final int THROTTLED_RETRIES_PER_RETRY = 4;

    private final HttpClient http;
    private final ApiCredentials credentials;
    private final RetryPolicy retryPolicy;
    private final RequestRateLimiter rateLimiter;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;
    private final ApiCallListener listener;

    /**
     * @param rateLimiter null for no limit (DataForest)
     * @param listener    told of every attempt's outcome, for metrics
     */
    public ApiTransport(HttpClient http, ApiCredentials credentials, RetryPolicy retryPolicy,
                        RequestRateLimiter rateLimiter, Duration requestTimeout, ObjectMapper mapper,
                        ApiCallListener listener) {
        this.http = http;
        this.credentials = credentials;
        this.retryPolicy = retryPolicy;
        this.rateLimiter = rateLimiter;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
        this.listener = listener;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Sends the call and maps a 2xx reply to {@code replyType}. */
    public <T> CompletableFuture<T> send(ApiCall call, JavaType replyType) {
        return attempt(call, new Reading<>(HttpResponse.BodyHandlers.ofString(), body -> body,
                response -> this.<T> read(call, response, replyType)), 0, 0);
    }

    /**
     * Sends the call and hands over the 2xx reply's body as a stream, for a file download: the caller reads and closes
     * it. An error reply is read whole (it is small) and mapped like {@link #send}'s.
     */
    public CompletableFuture<InputStream> open(ApiCall call) {
        return attempt(call, new Reading<>(HttpResponse.BodyHandlers.ofInputStream(), ApiTransport::readError,
                HttpResponse::body), 0, 0);
    }

    /**
     * The call as it would be sent, signed but not sent: method, URL and JSON body. The signature is computed (so a dry
     * run fails where a real call would for missing credentials) but not returned: it is a credential for 5 minutes.
     */
    public DryRunRequest preview(ApiCall call, String adoptedId) {
        ApiSigner.sign(call.method(), call.pathWithQuery(), Long.toString(System.currentTimeMillis()), credentials);
        String body = call.body() != null ? new String(json(call.body()), StandardCharsets.UTF_8) : null;
        return new DryRunRequest(call.operation(), call.method(), call.uri().toString(), body, adoptedId);
    }

    /**
     * How a reply is read: the body handler, the error text of a non-2xx body, the value of a 2xx reply.
     */
    private record Reading<B, T>(HttpResponse.BodyHandler<B> handler, Function<B, String> errorText,
            Function<HttpResponse<B>, T> value) {
    }

    /**
     * @param retry     retries so far for errors
     * @param throttled retries so far for 429: a quota storm is waited out longer than errors are retried
     */
    private <B, T> CompletableFuture<T> attempt(ApiCall call, Reading<B, T> reading, int retry, int throttled) {
        CompletableFuture<Void> permit = rateLimiter != null ? rateLimiter.acquire() : CompletableFuture.completedFuture(null);
        return permit
                .thenCompose(ignored -> http.sendAsync(signedRequest(call), reading.handler())
                        // backstop: the JVM-wide rate limiter permit is released even if the client never
                        // completes the exchange
                        .orTimeout(2 * requestTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .whenComplete((response, failure) -> {
                    if (rateLimiter != null) {
                        rateLimiter.release();
                    }
                })
                .handle((response, failure) -> outcome(call, response, reading, unwrap(failure)))
                .thenCompose(outcome -> {
                    if (outcome.failure == null) {
                        listener.onOutcome(call.operation(), "success");
                        return CompletableFuture.completedFuture(reading.value().apply(outcome.response));
                    }
                    boolean quota = outcome.response != null && outcome.response.statusCode() == 429;
                    int tries = quota ? throttled : retry;
                    int limit = quota ? THROTTLED_RETRIES_PER_RETRY * retryPolicy.maxRetries() : retryPolicy.maxRetries();
                    if (tries < limit && isRetryable(call, outcome)) {
                        Duration delay = retryPolicy.delay(tries + 1, retryAfter(outcome.response));
                        listener.onOutcome(call.operation(), quota ? "throttled" : "retried");
                        LOG.debug("{} attempt failed ({}), retrying in {} ms", call.operation(),
                                outcome.failure.getMessage(), delay.toMillis());
                        return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> this.attempt(call, reading,
                                        quota ? retry : retry + 1, quota ? throttled + 1 : throttled));
                    }
                    listener.onOutcome(call.operation(), "failure");
                    return CompletableFuture.failedFuture(outcome.failure);
                });
    }

    private HttpRequest signedRequest(ApiCall call) {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .header("accept", "application/json")
                .header(ApiSigner.TIMESTAMP_HEADER, timestamp)
                .header(ApiSigner.ACCESS_KEY_HEADER, credentials.accessKey())
                .header(ApiSigner.SIGNATURE_HEADER,
                        ApiSigner.sign(call.method(), call.pathWithQuery(), timestamp, credentials));
        if (call.body() != null) {
            builder.header("content-type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(json(call.body())));
        } else if ("POST".equals(call.method())) {
            // DataForest list calls without a body still require the JSON content type
            builder.header("content-type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private <B> Outcome<B> outcome(ApiCall call, HttpResponse<B> response, Reading<B, ?> reading, Throwable failure) {
        if (failure != null) {
            RuntimeException error = failure instanceof RuntimeException r
                    ? r : new NclueIoException(call.operation(), failure);
            return new Outcome<>(null, error, failure);
        }
        String traceId = response.headers().firstValue(TRACE_ID_HEADER).orElse(null);
        LOG.debug("{} {} {} -> {} [trace id {}]", call.operation(), call.method(), call.path(), response.statusCode(),
                traceId);
        if (response.statusCode() / 100 != 2) {
            return new Outcome<>(response,
                    ApiErrors.toException(mapper, call.operation(), response.statusCode(),
                            reading.errorText().apply(response.body()), traceId),
                    null);
        }
        return new Outcome<>(response, null, null);
    }

    private <T> T read(ApiCall call, HttpResponse<String> response, JavaType replyType) {
        try {
            JsonNode root = mapper.readTree(response.body());
            if (ApiErrors.isUnsuccessful(root)) {
                String traceId = response.headers().firstValue(TRACE_ID_HEADER).orElse(null);
                throw ApiErrors.toException(mapper, call.operation(), response.statusCode(), response.body(), traceId);
            }
            return mapper.treeToValue(root, replyType);
        } catch (IOException e) {
            throw new NclueApiException(call.operation(), response.statusCode(), null, "unreadable reply",
                    e.getMessage(), null);
        }
    }

    private static String readError(InputStream body) {
        try (InputStream in = body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isRetryable(ApiCall call, Outcome<?> outcome) {
        if (outcome.cause instanceof ConnectException) {
            return true;
        }
        if (outcome.response == null) {
            return outcome.cause instanceof IOException && call.idempotent();
        }
        int status = outcome.response.statusCode();
        return status == 429 || status >= 500 && call.idempotent();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        if (response == null) {
            return null;
        }
        return response.headers().firstValue("retry-after").map(ApiTransport::parseRetryAfter).orElse(null);
    }

    static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private record Outcome<B>(HttpResponse<B> response, RuntimeException failure, Throwable cause) {
    }
}
