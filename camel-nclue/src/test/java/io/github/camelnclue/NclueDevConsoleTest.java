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
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code nclue} dev console, read the way camel-main's dev console and Camel JBang read it: from the context's
 * DevConsoleRegistry, which finds it by id through the service file generated from {@code @DevConsole}.
 */
class NclueDevConsoleTest {

    private static final Duration NEVER_ENDS = Duration.ofHours(1);

    private NclueEmulator emulator;
    private Main main;

    @BeforeEach
    void start() {
        emulator = NclueEmulator.builder().statusStep(NEVER_ENDS).quotaPerSecond(0).build().start();
        DemoData.seed(emulator);
        main = new Main();
        main.addInitialProperty("camel.main.dev-console-enabled", "true");
        main.addInitialProperty("camel.component.nclue.access-key", emulator.accessKey());
        main.addInitialProperty("camel.component.nclue.secret-key", emulator.secretKey());
        main.addInitialProperty("camel.component.nclue.nclue-endpoint", emulator.nclueEndpoint());
        main.addInitialProperty("camel.component.nclue.requests-per-second", "20");
        main.addInitialProperty("camel.component.nclue.max-retries", "0");
        main.addInitialProperty("camel.component.nclue.status-poll-delay", "100");
        main.addInitialProperty("camel.component.nclue.ledger", "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        emulator.close();
    }

    @Test
    void beforeAnyJobTheLedgerIsNotStarted() {
        Map<String, Object> nclue = component(console().call(DevConsole.MediaType.JSON));

        assertEquals(Map.of("kind", "InMemoryJobLedger", "started", false, "size", 0), nclue.get("ledger"));
        assertEquals(0, nclue.get("parkedWaits"));
        assertEquals(List.of(), nclue.get("sweepErrors"));
    }

    @Test
    void showsTheJobsByKindAndStatusTheParkedWaitsAndTheQuota() throws Exception {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        String featureId = template.request("nclue:features?operation=create&name=users&sourceBucket=" + DemoData.BUCKET
                                            + "&sourceFilePath=" + DemoData.FEATURE_KEY, e -> {
                                            }).getMessage().getHeader(NclueConstants.FEATURE_ID, String.class);
        assertNotNull(featureId);
        CompletableFuture<Exchange> parked = template.asyncSend(
                "nclue:features?operation=get&waitForCompletion=true&waitTimeout=10m",
                e -> e.getMessage().setHeader(NclueConstants.FEATURE_ID, featureId));

        Eventually.within(Duration.ofSeconds(20),
                () -> assertEquals(1, component(console().call(DevConsole.MediaType.JSON)).get("parkedWaits")));
        Map<String, Object> nclue = component(console().call(DevConsole.MediaType.JSON));
        assertEquals(Map.of("kind", "InMemoryJobLedger", "started", true, "size", 1), nclue.get("ledger"));
        assertEquals(Map.of("features", Map.of("registered", 1)), nclue.get("jobs"));
        Map<?, ?> quota = (Map<?, ?>) nclue.get("quota");
        // the create and the get (the sweeps add theirs)
        assertTrue(((Integer) quota.get("requestsLastMinute")) >= 2, "quota: " + quota);
        assertEquals(0, quota.get("queued"), "quota: " + quota);
        assertEquals(List.of(), nclue.get("sweepErrors"));

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Ledger: InMemoryJobLedger (started), 1 jobs"), text);
        assertTrue(text.contains("Jobs features: {registered=1}"), text);
        assertTrue(text.contains("Parked waits: 1"), text);
        assertFalse(parked.isDone(), "the job never ends, so the wait stays parked");
    }

    @Test
    void showsTheLastSweepError() throws Exception {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        String featureId = template.request("nclue:features?operation=create&name=users&sourceBucket=" + DemoData.BUCKET
                                            + "&sourceFilePath=" + DemoData.FEATURE_KEY, e -> {
                                            }).getMessage().getHeader(NclueConstants.FEATURE_ID, String.class);
        template.asyncSend("nclue:features?operation=get&waitForCompletion=true&waitTimeout=10m",
                e -> e.getMessage().setHeader(NclueConstants.FEATURE_ID, featureId));
        Eventually.within(Duration.ofSeconds(20),
                () -> assertEquals(1, component(console().call(DevConsole.MediaType.JSON)).get("parkedWaits")));
        String api = emulator.nclueEndpoint();
        emulator.close();

        Eventually.within(Duration.ofSeconds(20), () -> {
            List<?> errors = (List<?>) component(console().call(DevConsole.MediaType.JSON)).get("sweepErrors");
            assertEquals(1, errors.size(), "errors: " + errors);
            Map<?, ?> error = (Map<?, ?>) errors.get(0);
            assertEquals("features", error.get("kind"));
            assertEquals(api, error.get("api"));
        });
        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Last sweep error (features at " + api + "): "), text);
    }

    private DevConsole console() {
        CamelContext context = main.getCamelContext();
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertNotNull(registry, "camel-main with dev consoles enabled has a registry");
        DevConsole console = registry.resolveById("nclue");
        assertNotNull(console, "found through META-INF/services/org/apache/camel/dev-console/nclue");
        return console;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Object json) {
        Map<String, Object> root = (Map<String, Object>) json;
        List<Map<String, Object>> components = (List<Map<String, Object>>) root.get("components");
        assertEquals(1, components.size(), "components: " + components);
        assertEquals("nclue", components.get(0).get("name"));
        return components.get(0);
    }
}
