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
package io.github.camelnclue.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelnclue.emulator.faults.Fault;
import io.github.camelnclue.emulator.faults.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of NCLUE ({@code /api/v1}), DataForest ({@code /api/v2}) and the admin API ({@code /_emulator}),
 * playing the API Gateway's part for {@code /api}: every request gets an {@code x-ncp-trace-id}; then, in order,
 * injected faults, signature v2 check (401), NCLUE quota (429), routing (gateway 404 when no route) and the
 * operation.
 */
public final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpServer.class);
    private static final String TRACE_HEADER = "x-ncp-trace-id";
    private static final int THREADS = 8;

    private final Router apiRouter;
    private final Router adminRouter;
    private final SignatureVerifier verifier;
    private final QuotaLimiter quota;
    private final Faults faults;
    private final RequestStats stats;
    private final Map<String, Supplier<ApiException>> unexpectedErrors;
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param unexpectedErrors the reply to a bug in an operation, by path prefix (e.g. DataForest's own error body
     *                         under {@code /api/v2/}); other paths get the gateway's 500 body
     */
    public EmulatorHttpServer(int port, Router apiRouter, Router adminRouter, SignatureVerifier verifier,
                              QuotaLimiter quota, Faults faults, RequestStats stats,
                              Map<String, Supplier<ApiException>> unexpectedErrors) throws IOException {
        this.apiRouter = apiRouter;
        this.adminRouter = adminRouter;
        this.verifier = verifier;
        this.quota = quota;
        this.faults = faults;
        this.stats = stats;
        this.unexpectedErrors = Map.copyOf(unexpectedErrors);
        AtomicInteger threadCount = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "nclue-emulator-http-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        // closing without a response (RESET fault) makes the JDK server drop the connection
        try (exchange) {
            exchange.getResponseHeaders().set(TRACE_HEADER, traceId());
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            ApiResponse response;
            try {
                if (rawPath.startsWith("/_emulator/")) {
                    response = dispatch(adminRouter, method, rawPath, rawQuery, exchange);
                } else {
                    Router.Match match = apiRouter.match(method, rawPath);
                    stats.request(match != null ? match.route().key() : method + " (unmatched)", rawQuery);
                    Optional<Fault> fault = faults.take(method, rawPath);
                    if (fault.isPresent()) {
                        stats.faultInjected();
                        switch (fault.get().type()) {
                            case RESET -> {
                                return;
                            }
                            case STATUS -> {
                                send(exchange, faultResponse(fault.get()));
                                return;
                            }
                            case RESET_AFTER_ACCEPT -> {
                                try {
                                    handleApi(exchange, method, rawPath, rawQuery, match);
                                } catch (ApiException e) {
                                    // refused: the client sees a reset all the same
                                }
                                return;
                            }
                            default -> sleep(fault.get());
                        }
                    }
                    response = handleApi(exchange, method, rawPath, rawQuery, match);
                }
            } catch (ApiException e) {
                response = e.toResponse();
            } catch (RuntimeException e) {
                LOG.warn("Unexpected error on {} {}", method, rawPath, e);
                response = unexpectedError(rawPath).toResponse();
            }
            send(exchange, response);
        }
    }

    private ApiResponse handleApi(HttpExchange exchange, String method, String rawPath, String rawQuery,
                                  Router.Match match) throws IOException {
        if (!rawPath.startsWith("/api/")) {
            throw GatewayErrors.notFound("No resource matches " + method + " " + rawPath);
        }
        String accessKey;
        try {
            accessKey = verifier.verify(method, SignatureV2.uri(rawPath, rawQuery),
                    name -> exchange.getRequestHeaders().getFirst(name));
        } catch (ApiException e) {
            stats.unauthorized();
            throw e;
        }
        if (rawPath.startsWith("/api/v1/")) {
            boolean allowed = quota.tryAcquire(accessKey);
            stats.quotaCounted(allowed);
            if (!allowed) {
                throw GatewayErrors.quotaExceeded("NCLUE allows 1 request per second per access key");
            }
        }
        if (match == null) {
            throw GatewayErrors.notFound("No resource matches " + method + " " + rawPath);
        }
        return match.route().operation().handle(request(exchange, method, rawPath, rawQuery, match.params()));
    }

    private ApiResponse dispatch(Router router, String method, String rawPath, String rawQuery, HttpExchange exchange)
            throws IOException {
        Router.Match match = router.match(method, rawPath);
        if (match == null) {
            return new ApiResponse(404, Map.of("error", "no admin resource " + method + " " + rawPath));
        }
        return match.route().operation().handle(request(exchange, method, rawPath, rawQuery, match.params()));
    }

    private ApiException unexpectedError(String rawPath) {
        for (Map.Entry<String, Supplier<ApiException>> e : unexpectedErrors.entrySet()) {
            if (rawPath.startsWith(e.getKey())) {
                return e.getValue().get();
            }
        }
        return GatewayErrors.error(500, "900", "Unexpected Error", "Unexpected error in the emulator");
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void sleep(Fault delay) {
        try {
            Thread.sleep(delay.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApiResponse faultResponse(Fault fault) {
        if (fault.body() != null) {
            return new ApiResponse(fault.status(), new RawJson(fault.body()));
        }
        if (fault.status() == 429) {
            return GatewayErrors.quotaExceeded("Injected by nclue-emulator").toResponse();
        }
        return GatewayErrors.error(fault.status(), String.valueOf(fault.status()), reason(fault.status()),
                "Injected by nclue-emulator").toResponse();
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Endpoint Timeout";
            default -> "Injected Fault";
        };
    }

    private static ApiRequest request(HttpExchange exchange, String method, String rawPath, String rawQuery,
                                      Map<String, String> params) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new ApiRequest(method, rawPath, rawQuery, params, body);
    }

    /** A fault body passed through verbatim. */
    record RawJson(String json) {
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        if (response.body() instanceof FileDownload file) {
            sendFile(exchange, response.status(), file);
            return;
        }
        byte[] bytes;
        String contentType;
        if (response.body() instanceof RawJson raw) {
            bytes = raw.json().getBytes(StandardCharsets.UTF_8);
            contentType = "application/json;charset=UTF-8";
        } else if (response.body() instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            contentType = "text/plain;charset=UTF-8";
        } else {
            bytes = Json.write(response.body());
            contentType = "application/json;charset=UTF-8";
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendFile(HttpExchange exchange, int status, FileDownload file) throws IOException {
        try (InputStream in = file.content()) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Disposition",
                    "attachment; filename=\"" + file.fileName() + "\"");
            exchange.sendResponseHeaders(status, file.length() == 0 ? -1 : file.length());
            if (file.length() > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }
}
