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
package io.github.camelnclue.emulator.dataforest;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.StatusChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataForestApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "KILLED");

    private static NclueEmulator emu;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        api = ApiClient.of(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void workspaceListNeedsTheAccountId() {
        JsonNode list = api.post("/api/v2/aiworkspaces/getList", search(emu.dataForestAccountId())).json();
        assertTrue(list.path("success").asBoolean());
        assertEquals(1, list.path("total").asInt());
        JsonNode ws = list.path("contents").get(0);
        assertEquals(emu.aiWorkspaceId(), ws.path("id").asText());
        assertTrue(ws.path("id").asText().matches("[0-9A-Za-z]{22}"));
        for (String field : List.of("name", "accountName", "description", "imageVersion", "createdAt", "modifiedAt",
                "disabled")) {
            assertTrue(ws.has(field), field);
        }
        ApiClient.Response wrong = api.post("/api/v2/aiworkspaces/getList", search(emu.aiWorkspaceId()));
        assertEquals(404, wrong.status());
        assertFalse(wrong.json().path("success").asBoolean());
    }

    @Test
    void submitRunsToSuccessAndShowsContainers() {
        JsonNode submitted = submit("demo", "python train.py");
        assertEquals(true, submitted.path("success").asBoolean());
        String id = submitted.path("id").asText();
        assertTrue(id.matches("[0-9A-Za-z]{22}"), id);
        assertTrue(submitted.path("name").asText().matches("demo-[a-z0-9]{4}-[a-z0-9]{4}"));
        assertEquals("ACCEPTED", submitted.path("state").asText());
        assertEquals("UNDEFINED", submitted.path("finalStatus").asText());
        assertEquals("gpu", submitted.path("queueName").asText());
        for (String field : List.of("message", "accountName", "startedAt", "finishedAt", "elapsedMillis")) {
            assertTrue(submitted.has(field), field);
        }

        JsonNode done = awaitState(id);
        assertEquals("FINISHED", done.path("state").asText());
        assertEquals("SUCCEEDED", done.path("finalStatus").asText());
        assertTrue(done.path("appId").asText().matches("application_\\d{13}_\\d{4}"));
        JsonNode container = done.path("containers").elements().next();
        assertEquals("demo/image:1", container.path("dockerImage").asText());
        String logUrl = container.path("logUrl").asText();
        assertTrue(logUrl.startsWith(emu.dataForestEndpoint()));
        ApiClient.Response log = api.get(logUrl.substring(emu.dataForestEndpoint().length()));
        assertEquals(200, log.status());
        assertTrue(log.body().contains("FINISHED"));

        assertEquals(List.of("ACCEPTED", "RUNNING", "FINISHED"),
                emu.statusHistory(id).stream().map(StatusChange::status).toList());

        JsonNode list = api.post("/api/v2/aiapps/getList", search(emu.dataForestAccountId())).json();
        assertTrue(list.path("success").asBoolean());
        boolean found = false;
        for (JsonNode app : list.path("contents")) {
            found |= id.equals(app.path("id").asText());
        }
        assertTrue(found);
    }

    @Test
    void commandWithFailFailsAndKillKills() {
        String failing = submit("bad", "sh -c 'exit 1' # fail").path("id").asText();
        JsonNode failed = awaitState(failing);
        assertEquals("FAILED", failed.path("state").asText());
        assertEquals("FAILED", failed.path("finalStatus").asText());

        String victim = submit("victim", "sleep 1000").path("id").asText();
        JsonNode killed = api.post("/api/v2/aiapps/kill", "{\"id\":\"" + victim + "\"}").json();
        assertEquals("{\"success\":true,\"message\":\"success\",\"id\":\"" + victim + "\"}", killed.toString());
        JsonNode detail = api.post("/api/v2/aiapps/getDetail", "{\"id\":\"" + victim + "\"}").json();
        assertEquals("KILLED", detail.path("state").asText());
        assertEquals("KILLED", detail.path("finalStatus").asText());
    }

    @Test
    void submitValidationNamesTheField() {
        String ws = emu.aiWorkspaceId();
        long before = emu.stats().created(JobKind.AI_APP);
        assertInvalid("{\"aiWorkspaceId\":\"" + ws + "\",\"namePrefix\":\"x\",\"queueName\":\"gpu\",\"data\":{},"
                      + "\"docker\":{\"image\":\"i\"},\"resource\":{}}", "namePrefix");
        assertInvalid("{\"aiWorkspaceId\":\"" + ws + "\",\"namePrefix\":\"toolongprefix\",\"queueName\":\"gpu\","
                      + "\"data\":{},\"docker\":{\"image\":\"i\"},\"resource\":{}}", "namePrefix");
        assertInvalid("{\"aiWorkspaceId\":\"" + ws + "\",\"namePrefix\":\"ok\",\"queueName\":\"gpu\",\"data\":{},"
                      + "\"docker\":{},\"resource\":{}}", "docker.image");
        assertInvalid("{\"aiWorkspaceId\":\"" + ws + "\",\"namePrefix\":\"ok\",\"data\":{},"
                      + "\"docker\":{\"image\":\"i\"},\"resource\":{}}", "queueName");
        assertInvalid("{\"aiWorkspaceId\":\"" + "x".repeat(23) + "\",\"namePrefix\":\"ok\",\"queueName\":\"gpu\","
                      + "\"data\":{},\"docker\":{\"image\":\"i\"},\"resource\":{}}", "aiWorkspaceId");
        ApiClient.Response unknownWs = api.post("/api/v2/aiapps/submit", "{\"aiWorkspaceId\":\"unknownWorkspace\","
                + "\"namePrefix\":\"ok\",\"queueName\":\"gpu\",\"data\":{},\"docker\":{\"image\":\"i\"},\"resource\":{}}");
        assertEquals(404, unknownWs.status());
        assertEquals(404, api.post("/api/v2/aiapps/getDetail", "{\"id\":\"nope\"}").status());
        assertEquals(before, emu.stats().created(JobKind.AI_APP), "rejected submits create nothing");
    }

    private static void assertInvalid(String body, String field) {
        ApiClient.Response r = api.post("/api/v2/aiapps/submit", body);
        assertEquals(400, r.status(), r.body());
        assertFalse(r.json().path("success").asBoolean());
        assertTrue(r.json().path("message").asText().startsWith("invalid request parameters"), r.body());
        assertTrue(r.json().path("message").asText().contains(field), r.body());
    }

    private static JsonNode submit(String prefix, String command) {
        ApiClient.Response r = api.post("/api/v2/aiapps/submit", "{\"aiWorkspaceId\":\"" + emu.aiWorkspaceId()
                + "\",\"namePrefix\":\"" + prefix + "\",\"queueName\":\"gpu\",\"data\":{\"input\":[],\"output\":[]},"
                + "\"docker\":{\"image\":\"demo/image:1\",\"command\":\"" + command + "\"},"
                + "\"resource\":{\"cpuCount\":2,\"gpuCount\":1,\"gpuModel\":\"T4\",\"memoryMb\":4096}}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonNode awaitState(String id) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode detail = api.post("/api/v2/aiapps/getDetail", "{\"id\":\"" + id + "\"}").json();
            if (TERMINAL.contains(detail.path("state").asText())) {
                return detail;
            }
            assertTrue(System.nanoTime() < deadline, "timed out: " + detail);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String search(String accountId) {
        return "{\"search\":{\"accountId\":\"" + accountId + "\"}}";
    }
}
