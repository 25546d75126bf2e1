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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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
 * Sends signed API calls: waits for the rate limiter, sends the request with a blocking client on the worker pool,
 * signs each attempt afresh (the timestamp must be within 5 minutes), retries what is safe to retry and maps replies
 * to records or to {@link NclueApiException}. The returned future completes on a worker thread, so everything that
 * follows a call runs there; retry backoff waits on the scheduler, which only hands the next attempt back.
 * <p>
 * Retried: 429 always (the gateway refused the request before the service saw it, so even a create is safe), connection
 * refusals always (nothing was sent), and 5xx and other I/O errors only for idempotent calls: a create that may have
 * reached NCLUE is never sent blindly again. Each retry waits for the limiter again: every request sent was granted.
 */
public final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final String TRACE_ID_HEADER = "x-ncp-trace-id";
    /** 429 retries allowed per configured retry: throttling is expected under a shared quota, errors are not. */
    static final int THROTTLED_RETRIES_PER_RETRY = 4;
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private final ApiHttpClient http;
    private final ApiCredentials credentials;
    private final RetryPolicy retryPolicy;
    private final RequestRateLimiter rateLimiter;
    private final Duration requestTimeout;
    private final Duration queueTimeout;
    private final ObjectMapper mapper;
    private final ApiCallListener listener;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;

    /**
     * @param rateLimiter  null for no limit (DataForest)
     * @param queueTimeout how long a call may wait for the limiter, or null for no limit
     * @param listener     told of every attempt's outcome, for metrics
     * @param workers      where requests are sent and replies handled
     * @param scheduler    where retry backoff waits
     */
    public ApiTransport(ApiHttpClient http, ApiCredentials credentials, RetryPolicy retryPolicy,
                        RequestRateLimiter rateLimiter, Duration requestTimeout, Duration queueTimeout,
                        ObjectMapper mapper, ApiCallListener listener, Executor workers,
                        ScheduledExecutorService scheduler) {
        this.http = http;
        this.credentials = credentials;
        this.retryPolicy = retryPolicy;
        this.rateLimiter = rateLimiter;
        this.requestTimeout = requestTimeout;
        this.queueTimeout = queueTimeout;
        this.mapper = mapper;
        this.listener = listener;
        this.workers = workers;
        this.scheduler = scheduler;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A future completed on the worker pool {@code delay} from now: a backoff that holds no thread, timed by the
     * component's scheduler (callers resending on their own terms wait with it too).
     */
    public CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> {
                try {
                    workers.execute(() -> elapsed.complete(null));
                } catch (RejectedExecutionException e) {
                    elapsed.completeExceptionally(e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            elapsed.completeExceptionally(e);
        }
        return elapsed;
    }

    /**
     * Sends the call and maps a 2xx reply to {@code replyType}. Cancelling the future takes a call still waiting for
     * the limiter out of its queue; it is not sent.
     */
    public <T> CompletableFuture<T> send(ApiCall call, JavaType replyType) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new Attempts<T>(call, this::exchange, outcome -> read(call, outcome.reply, replyType), result).attempt(0, 0);
        return result;
    }

    /**
     * Sends the call and hands over the 2xx reply's body as a stream, for a file download: the caller reads and closes
     * it. The limiter's permit ends when the reply's head is in. An error reply is mapped like {@link #send}'s.
     */
    public CompletableFuture<InputStream> open(ApiCall call) {
        CompletableFuture<InputStream> result = new CompletableFuture<>();
        new Attempts<InputStream>(call, this::exchangeOpen, outcome -> outcome.stream, result).attempt(0, 0);
        return result;
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

    /** The attempts of one call, until one succeeds, fails for good or the caller cancels. */
    private final class Attempts<T> {

        private final ApiCall call;
        private final Function<ApiCall, Outcome> exchanger;
        private final Function<Outcome, T> reader;
        private final CompletableFuture<T> result;

        /**
         * @param exchanger sends the call once and returns what came back
         * @param reader    the value of a successful outcome
         */
        Attempts(ApiCall call, Function<ApiCall, Outcome> exchanger, Function<Outcome, T> reader,
                 CompletableFuture<T> result) {
            this.call = call;
            this.exchanger = exchanger;
            this.reader = reader;
            this.result = result;
        }

        /**
         * @param retry     retries so far for errors
         * @param throttled retries so far for 429: a quota storm is waited out longer than errors are retried
         */
        void attempt(int retry, int throttled) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<Void> permit = rateLimiter != null
                    ? rateLimiter.acquire(queueTimeout) : CompletableFuture.completedFuture(null);
            result.whenComplete((ignored, failure) -> {
                if (result.isCancelled()) {
                    permit.cancel(false);
                }
            });
            permit.whenComplete((ignored, refused) -> {
                if (refused != null) {
                    // refused on the scheduler (queue timeout): the caller resumes on the worker pool all the same
                    fail(unwrap(refused));
                    return;
                }
                try {
                    workers.execute(() -> sendGranted(retry, throttled));
                } catch (RejectedExecutionException e) {
                    release();
                    result.completeExceptionally(new IllegalStateException(
                            call.operation() + " not sent: the component's worker pool refused it (stopping)", e));
                }
            });
        }

        private void sendGranted(int retry, int throttled) {
            if (result.isDone()) {
                // cancelled while waiting for a worker: never sent
                release();
                return;
            }
            Duration wait;
            try {
                wait = rateLimiter != null ? rateLimiter.claimShared() : Duration.ZERO;
            } catch (RuntimeException e) {
                release();
                result.completeExceptionally(e);
                return;
            }
            if (!wait.isZero()) {
                // another process holds the key's quota: keep this process's permit and claim again then
                try {
                    scheduler.schedule(() -> workers.execute(() -> sendGranted(retry, throttled)), wait.toMillis() + 1,
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    release();
                    result.completeExceptionally(e);
                }
                return;
            }
            Future<?> renewals = renewShared();
            Outcome outcome;
            try {
                outcome = exchanger.apply(call);
            } finally {
                renewals.cancel(false);
                releaseShared();
                release();
            }
            if (outcome.failure == null) {
                listener.onOutcome(call.operation(), "success");
                try {
                    result.complete(reader.apply(outcome));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
                return;
            }
            boolean quota = outcome.reply != null && outcome.reply.status() == 429;
            int tries = quota ? throttled : retry;
            int limit = quota ? THROTTLED_RETRIES_PER_RETRY * retryPolicy.maxRetries() : retryPolicy.maxRetries();
            if (tries < limit && isRetryable(call, outcome)) {
                Duration delay = retryPolicy.delay(tries + 1, retryAfter(outcome.reply));
                listener.onOutcome(call.operation(), quota ? "throttled" : "retried");
                LOG.debug("{} attempt failed ({}), retrying in {} ms", call.operation(), outcome.failure.getMessage(),
                        delay.toMillis());
                try {
                    scheduler.schedule(() -> attempt(quota ? retry : retry + 1, quota ? throttled + 1 : throttled),
                            delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    result.completeExceptionally(outcome.failure);
                }
                return;
            }
            listener.onOutcome(call.operation(), "failure");
            result.completeExceptionally(outcome.failure);
        }

        private void fail(Throwable failure) {
            try {
                workers.execute(() -> result.completeExceptionally(failure));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(failure);
            }
        }

        private void release() {
            if (rateLimiter != null) {
                rateLimiter.release();
            }
        }

        /** Keeps the shared claim of the request about to go while it runs, if claims expire. */
        private Future<?> renewShared() {
            Duration every = rateLimiter != null ? rateLimiter.sharedRenewal() : null;
            if (every == null) {
                return CompletableFuture.completedFuture(null);
            }
            long millis = Math.max(1, every.toMillis());
            try {
                return scheduler.scheduleWithFixedDelay(this::renewOnWorker, millis, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: the claim ends with its reply, or with its lease
                return CompletableFuture.completedFuture(null);
            }
        }

        private void renewOnWorker() {
            try {
                // blocking (a database): off the scheduler, which grants every key's requests
                workers.execute(this::renewClaim);
            } catch (RejectedExecutionException e) {
                // stopping: the claim ends with its reply, or with its lease
            }
        }

        private void renewClaim() {
            try {
                rateLimiter.renewShared();
            } catch (RuntimeException e) {
                // the next renewal may succeed; if none does, the claim ends with its lease and another may send
                LOG.warn("{}: could not renew the shared request quota: {}", call.operation(), e.getMessage());
            }
        }

        private void releaseShared() {
            if (rateLimiter == null) {
                return;
            }
            try {
                rateLimiter.releaseShared();
            } catch (RuntimeException e) {
                // the claim's lease ends it: other processes wait at most that long
                LOG.warn("{}: could not release the shared request quota: {}", call.operation(), e.getMessage());
            }
        }
    }

    /** One request and its reply, on the calling (worker) thread. */
    private Outcome exchange(ApiCall call) {
        try {
            return outcome(call, http.execute(call.method(), call.uri(), signedHeaders(call), body(call),
                    requestTimeout), null);
        } catch (IOException | RuntimeException e) {
            return failedToSend(call, e);
        }
    }

    /** One request whose 2xx body stays open for the caller, on the calling (worker) thread. */
    private Outcome exchangeOpen(ApiCall call) {
        try {
            ApiHttpClient.Streamed streamed = http.open(call.method(), call.uri(), signedHeaders(call), body(call),
                    requestTimeout);
            return outcome(call, streamed.head(), streamed.body());
        } catch (IOException | RuntimeException e) {
            return failedToSend(call, e);
        }
    }

    private static Outcome failedToSend(ApiCall call, Exception e) {
        RuntimeException error = e instanceof RuntimeException r ? r : new NclueIoException(call.operation(), e);
        return new Outcome(null, null, error, e);
    }

    private Outcome outcome(ApiCall call, ApiHttpClient.Reply reply, InputStream stream) {
        String traceId = reply.header(TRACE_ID_HEADER);
        LOG.debug("{} {} {} -> {} [trace id {}]", call.operation(), call.method(), call.path(), reply.status(),
                traceId);
        if (reply.status() / 100 != 2) {
            return new Outcome(reply, null,
                    ApiErrors.toException(mapper, call.operation(), reply.status(), reply.body(), traceId), null);
        }
        return new Outcome(reply, stream, null, null);
    }

    private Map<String, String> signedHeaders(ApiCall call) {
        String timestamp = Long.toString(System.currentTimeMillis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put(ApiSigner.TIMESTAMP_HEADER, timestamp);
        headers.put(ApiSigner.ACCESS_KEY_HEADER, credentials.accessKey());
        headers.put(ApiSigner.SIGNATURE_HEADER,
                ApiSigner.sign(call.method(), call.pathWithQuery(), timestamp, credentials));
        return headers;
    }

    private byte[] body(ApiCall call) {
        if (call.body() != null) {
            return json(call.body());
        }
        // DataForest list calls without a body still require the JSON content type
        return "POST".equals(call.method()) ? EMPTY_JSON : null;
    }

    private <T> T read(ApiCall call, ApiHttpClient.Reply reply, JavaType replyType) {
        try {
            JsonNode root = mapper.readTree(reply.body());
            if (ApiErrors.isUnsuccessful(root)) {
                throw ApiErrors.toException(mapper, call.operation(), reply.status(), reply.body(),
                        reply.header(TRACE_ID_HEADER));
            }
            return mapper.treeToValue(root, replyType);
        } catch (IOException e) {
            throw new NclueApiException(call.operation(), reply.status(), null, "unreadable reply", e.getMessage(),
                    null);
        }
    }

    private static boolean isRetryable(ApiCall call, Outcome outcome) {
        if (outcome.cause instanceof ConnectException) {
            return true;
        }
        if (outcome.reply == null) {
            return outcome.cause instanceof IOException && call.idempotent();
        }
        int status = outcome.reply.status();
        return status == 429 || status >= 500 && call.idempotent();
    }

    private static Duration retryAfter(ApiHttpClient.Reply reply) {
        if (reply == null || reply.header("retry-after") == null) {
            return null;
        }
        return parseRetryAfter(reply.header("retry-after"));
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

    /** What one attempt gave: the reply (and its open body, for a download), or the failure and its cause. */
    private record Outcome(ApiHttpClient.Reply reply, InputStream stream, RuntimeException failure, Throwable cause) {
    }
}
