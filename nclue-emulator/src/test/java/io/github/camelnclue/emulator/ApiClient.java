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
package io.github.camelnclue.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnclue.emulator.http.SignatureV2;

/**
 * A minimal signed client for the emulator's HTTP APIs, written against the docs (not the Camel component).
 */
public final class ApiClient {

    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {

        public String text(String field) {
            return json.path(field).isNull() ? null : json.path(field).asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String accessKey;
    private final String secretKey;

    public ApiClient(String baseUrl, String accessKey, String secretKey) {
        this.baseUrl = baseUrl;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static ApiClient of(NclueEmulator emu) {
        return new ApiClient(emu.nclueEndpoint(), emu.accessKey(), emu.secretKey());
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String pathAndQuery, String json) {
        String ts = String.valueOf(System.currentTimeMillis());
        return sendWithHeaders(method, pathAndQuery, json, ts, accessKey,
                SignatureV2.sign(method, pathAndQuery, ts, accessKey, secretKey));
    }

    public Response sendWithHeaders(String method, String pathAndQuery, String json, String ts, String ak,
                                    String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (ts != null) {
            b.header("x-ncp-apigw-timestamp", ts);
        }
        if (ak != null) {
            b.header("x-ncp-iam-access-key", ak);
        }
        if (signature != null) {
            b.header("x-ncp-apigw-signature-v2", signature);
        }
        return execute(b.build());
    }

    public Response unsigned(String method, String path, String json) {
        return sendWithHeaders(method, path, json, null, null, null);
    }

    public Response execute(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
            } catch (IOException e) {
                // not JSON (e.g. the log endpoint)
            }
            return new Response(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed GET whose body is read as a stream, for downloads too large to hold. */
    public HttpResponse<InputStream> download(String path) {
        String ts = String.valueOf(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("x-ncp-apigw-timestamp", ts)
                .header("x-ncp-iam-access-key", accessKey)
                .header("x-ncp-apigw-signature-v2", SignatureV2.sign("GET", path, ts, accessKey, secretKey))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code GET path} until {@code field} has one of {@code values}. */
    public JsonNode await(String path, String field, Set<String> values, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = get(path);
            if (r.status() == 200 && values.contains(r.json().path(field).asText())) {
                return r.json();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + field + " in " + values + " at " + path + ": "
                                         + r.body());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String json(Object... keyValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.putPOJO((String) keyValues[i], keyValues[i + 1]);
        }
        return node.toString();
    }
}
