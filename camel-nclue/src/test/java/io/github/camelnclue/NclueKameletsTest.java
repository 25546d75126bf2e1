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

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the jar ({@code kamelets/*.kamelet.yaml}), used from a YAML route under camel-main against
 * the emulator: train and run actions chained, then the task-run source emits the completed run once and the result
 * source streams its rows.
 */
class NclueKameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static NclueEmulator emulator;
    private static Main main;

    @BeforeAll
    static void start() {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).quotaPerSecond(0).build().start();
        DemoData.seed(emulator);
        main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/nclue-kamelet-routes.yaml");
        // the component's own settings; credentials and endpoints are the Kamelets' properties
        main.addInitialProperty("camel.component.nclue.access-key", emulator.accessKey());
        main.addInitialProperty("camel.component.nclue.secret-key", emulator.secretKey());
        main.addInitialProperty("camel.component.nclue.nclue-endpoint", emulator.nclueEndpoint());
        main.addInitialProperty("camel.component.nclue.requests-per-second", "20");
        main.addInitialProperty("camel.component.nclue.status-poll-delay", "100");
        main.addInitialProperty("camel.component.nclue.ledger", "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.addInitialProperty("emulator.accessKey", emulator.accessKey());
        main.addInitialProperty("emulator.secretKey", emulator.secretKey());
        main.addInitialProperty("emulator.nclueEndpoint", emulator.nclueEndpoint());
        main.addInitialProperty("emulator.s3Endpoint", emulator.s3Endpoint());
        main.addInitialProperty("emulator.region", emulator.region());
        main.addInitialProperty("demo.bucket", DemoData.BUCKET);
        main.addInitialProperty("demo.featureKey", DemoData.FEATURE_KEY);
        main.addInitialProperty("demo.trainKey", DemoData.TRAIN_LABEL_KEY);
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    @Test
    void trainsRunsAndStreamsTheResultThroughTheKamelets() throws Exception {
        MockEndpoint completedRuns = main.getCamelContext().getEndpoint("mock:completedRuns", MockEndpoint.class);
        MockEndpoint resultRows = main.getCamelContext().getEndpoint("mock:resultRows", MockEndpoint.class);
        completedRuns.expectedMessageCount(1);
        resultRows.expectedMessageCount(DemoData.USERS);

        Exchange reply = main.getCamelContext().createProducerTemplate().request("direct:trainAndRun", e -> {
        });

        assertNull(reply.getException());
        JsonNode task = JSON.readTree(reply.getProperty("trainedTask", String.class));
        assertEquals("kamelet-task", task.path("task_name").asText());
        assertEquals("completed", task.path("status").asText());
        assertTrue(task.path("AUROC").isNumber(), "AUROC as a number: " + task);
        JsonNode run = JSON.readTree(reply.getMessage().getBody(String.class));
        String runId = reply.getMessage().getHeader(NclueConstants.RUN_ID, String.class);
        assertEquals(runId, run.path("run_id").asText());
        assertEquals(task.path("task_id").asText(), run.path("task_id").asText());
        assertEquals("completed", run.path("status").asText());

        // the rows arrive one exchange each, slower than the mock's default 10 s under the tests' DEBUG logging
        completedRuns.setResultWaitTime(60_000);
        resultRows.setResultWaitTime(60_000);
        completedRuns.assertIsSatisfied();
        resultRows.assertIsSatisfied();
        Exchange completed = completedRuns.getExchanges().get(0);
        assertEquals(runId, JSON.readTree(completed.getMessage().getBody(String.class)).path("run_id").asText());
        assertEquals("completed", completed.getMessage().getHeader(NclueConstants.STATUS));
        List<Exchange> rows = resultRows.getExchanges();
        for (Exchange row : List.of(rows.get(0), rows.get(DemoData.USERS - 1))) {
            JsonNode columns = JSON.readTree(row.getMessage().getBody(String.class));
            assertTrue(columns.isArray() && columns.size() == 2, "a row as a JSON array of columns: " + columns);
            assertTrue(columns.get(1).asDouble() <= 1.0, "a score: " + columns);
            assertEquals(runId, row.getMessage().getHeader(NclueConstants.RUN_ID));
        }
        // one event per run: nothing more arrives on later polls
        completedRuns.setAssertPeriod(1000);
        completedRuns.assertIsSatisfied();
    }
}
