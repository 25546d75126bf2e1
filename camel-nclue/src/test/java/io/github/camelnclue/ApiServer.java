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
package io.github.camelnclue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelnclue.client.ApiCredentials;
import io.github.camelnclue.client.ApiSigner;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local HTTP server on port 0 standing in for NCLUE and DataForest in unit tests: it checks the signature of every
 * request (401 otherwise), records what arrived and answers with scripted replies, per method and path.
 */
public final class ApiServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final String ACCESS_KEY = "TEST_ACCESS_KEY";
    public static final String SECRET_KEY = "test/Secret+Key=value";

    /** One request as it arrived. */
    public record Recorded(String method, String pathWithQuery, String body, Map<String, List<String>> headers,
            long arrivalNanos, boolean signatureValid) {
    }

    /** A scripted reply; {@link #reset()} closes the connection without one, {@code delayMillis} waits first. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

        static final int RESET = -1;

        public Reply(int status, String body, Map<String, String> headers) {
            this(status, body, headers, 0);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        /** The connection is closed once the request has been read: the client gets no reply at all. */
        public static Reply reset() {
            return new Reply(RESET, "", Map.of());
        }

        /** This reply, sent only after {@code millis}. */
        public Reply delayed(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Register as a static field: the server runs for the whole class, scripts and records are reset per test. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requests.clear();
        replies.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies for {@code method pathWithQuery}; the last one repeats. */
    public ApiServer on(String method, String pathWithQuery, Reply... scripted) {
        replies.computeIfAbsent(method + " " + pathWithQuery, k -> new ArrayDeque<>()).addAll(List.of(scripted));
        return this;
    }

    public ApiServer on(String method, String pathWithQuery, int status, String body) {
        return on(method, pathWithQuery, Reply.json(status, body));
    }

    public List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String pathWithQuery = exchange.getRequestURI().getRawPath()
                               + (exchange.getRequestURI().getRawQuery() != null
                                       ? "?" + exchange.getRequestURI().getRawQuery() : "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean valid = signatureValid(exchange, method, pathWithQuery);
        requests.add(new Recorded(method, pathWithQuery, body, Map.copyOf(exchange.getRequestHeaders()),
                System.nanoTime(), valid));
        Reply reply;
        if (!valid) {
            reply = Reply.json(401, "{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\","
                                    + "\"details\":\"Invalid authentication information.\"}}");
        } else {
            reply = next(method + " " + pathWithQuery);
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis()); // a slow server, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.status() == Reply.RESET) {
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.getResponseHeaders().add("x-ncp-trace-id", "trace-" + requests.size());
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply next(String key) {
        Deque<Reply> queue = replies.get(key);
        if (queue == null || queue.isEmpty()) {
            return Reply.json(404, "{\"code\":404,\"message\":\"NOT_FOUND\",\"details\":\"no reply scripted for "
                                   + key + "\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static boolean signatureValid(HttpExchange exchange, String method, String pathWithQuery) {
        String timestamp = exchange.getRequestHeaders().getFirst(ApiSigner.TIMESTAMP_HEADER);
        String accessKey = exchange.getRequestHeaders().getFirst(ApiSigner.ACCESS_KEY_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(ApiSigner.SIGNATURE_HEADER);
        if (timestamp == null || accessKey == null || signature == null || !ACCESS_KEY.equals(accessKey)) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 300_000) {
            return false;
        }
        String expected = ApiSigner.sign(method, pathWithQuery, timestamp, new ApiCredentials(ACCESS_KEY, SECRET_KEY));
        return expected.equals(signature);
    }
}
