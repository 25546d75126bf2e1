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
package io.github.camelnclue.emulator.faults;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelnclue.emulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    private static NclueEmulator emu;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().quotaPerSecond(0).build().start();
        api = ApiClient.of(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @AfterEach
    void clear() {
        emu.faults().clear();
    }

    @Test
    void statusFaultAppliesTheGivenNumberOfTimesToMatchingRequestsOnly() {
        long before = emu.stats().faultsInjected();
        emu.faults().add(Fault.status(503).onPath("GET", "/api/v1/tasks").times(2));
        assertEquals(200, api.get("/api/v1/features").status());
        ApiClient.Response first = api.get("/api/v1/tasks");
        assertEquals(503, first.status());
        assertEquals("Service Unavailable", first.json().path("error").path("message").asText());
        assertEquals(503, api.get("/api/v1/tasks/abc").status(), "prefix match");
        assertEquals(200, api.get("/api/v1/tasks").status());
        assertEquals(before + 2, emu.stats().faultsInjected());
    }

    @Test
    void faultedRequestsChangeNothingAndComeBeforeAuthentication() {
        emu.faults().add(Fault.status(429).onPath("POST", "/api/v1/features"));
        ApiClient.Response r = api.post("/api/v1/features", json("name", "faulted", "source_bucket", "b",
                "source_file_path", "x.tsv"));
        assertEquals(429, r.status());
        assertEquals("Quota Exceeded", r.json().path("error").path("message").asText());
        assertEquals(0, api.get("/api/v1/features").json().path("total").asInt());

        emu.faults().add(Fault.status(500).onPath("/api/v2/"));
        assertEquals(500, api.unsigned("POST", "/api/v2/aiapps/getList", "{}").status());
    }

    @Test
    void resetClosesTheConnectionWithoutAResponse() {
        // POST: the JDK client retries an idempotent GET once on a dropped connection
        emu.faults().add(Fault.reset().onPath("POST", "/api/v1/task-runs"));
        assertThrows(UncheckedIOException.class, () -> api.post("/api/v1/task-runs", "{}"));
        assertEquals(400, api.post("/api/v1/task-runs", "{}").status(), "fault used up");

        emu.faults().add(Fault.reset().onPath("GET", "/api/v1/task-runs").times(2));
        assertThrows(UncheckedIOException.class, () -> api.get("/api/v1/task-runs"));
        assertEquals(200, api.get("/api/v1/task-runs").status());
    }

    @Test
    void delayThenNormalProcessing() {
        emu.faults().add(Fault.delay(Duration.ofMillis(300)).onPath("GET", "/api/v1/features"));
        long start = System.nanoTime();
        assertEquals(200, api.get("/api/v1/features").status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(290).toNanos());
    }

    @Test
    void adminApiAddsFaultsAndServesStats() {
        ApiClient admin = new ApiClient(emu.nclueEndpoint(), null, null);
        ApiClient.Response added = admin.execute(HttpRequest.newBuilder(URI.create(emu.nclueEndpoint()
                + "/_emulator/faults")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"status\",\"status\":502,\"method\":\"GET\",\"path\":\"/api/v1/features\",\"times\":1}"))
                .build());
        assertEquals(200, added.status(), added.body());
        assertEquals(1, added.json().size());
        assertEquals(502, api.get("/api/v1/features").status());
        assertEquals(200, api.get("/api/v1/features").status());

        JsonNode stats = admin.execute(HttpRequest.newBuilder(URI.create(emu.nclueEndpoint() + "/_emulator/stats"))
                .build()).json();
        assertTrue(stats.path("totalRequests").asLong() >= 2);
        assertTrue(stats.path("requests").path("GET /api/v1/features").asLong() >= 2);
        assertTrue(stats.path("created").has("taskRuns"));
    }
}
