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
package io.github.camelnclue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.http.SignatureV2;

/**
 * A minimal signed NCLUE client for setting benchmarks up (creating jobs with the quota off). What is measured goes
 * through the Camel component instead.
 */
public final class EmulatorApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final NclueEmulator emulator;

    public EmulatorApi(NclueEmulator emulator) {
        this.emulator = emulator;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** POSTs {@code fields} as a JSON object and returns the reply. */
    public JsonNode post(String path, Map<String, String> fields) {
        try {
            return send("POST", path, MAPPER.writeValueAsString(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code path} until its {@code status} is one of {@code statuses}. */
    public JsonNode await(String path, Set<String> statuses, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = get(path);
            if (statuses.contains(job.path("status").asText())) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " did not reach " + statuses + ": " + job);
            }
            Thread.sleep(50);
        }
    }

    private JsonNode send(String method, String path, String json) {
        String timestamp = String.valueOf(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.nclueEndpoint() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("x-ncp-apigw-timestamp", timestamp)
                .header("x-ncp-iam-access-key", emulator.accessKey())
                .header("x-ncp-apigw-signature-v2",
                        SignatureV2.sign(method, path, timestamp, emulator.accessKey(), emulator.secretKey()))
                .build();
        try {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " -> " + reply.statusCode() + " " + reply.body());
            }
            return MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
