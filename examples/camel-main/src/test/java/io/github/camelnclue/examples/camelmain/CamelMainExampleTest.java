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
package io.github.camelnclue.examples.camelmain;

import java.time.Duration;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application as shipped (application.properties and the YAML route), with the environment's keys and
 * endpoint replaced by those of nclue-emulator: the NCLUE API and Object Storage with demo data, on localhost.
 */
class CamelMainExampleTest {

    private static NclueEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        // jobs move a status every 100 ms instead of minutes; no 1 request/second quota, so the test is quick
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).quotaPerSecond(0).build().start();
        DemoData.seed(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void trainsAndJudgesAModel() throws Exception {
        String featureId = completedFeature();
        Main main = new Main(CamelMainExample.class);
        // what the environment would give; override properties win over application.properties
        main.addOverrideProperty("camel.component.nclue.access-key", emulator.accessKey());
        main.addOverrideProperty("camel.component.nclue.secret-key", emulator.secretKey());
        main.addOverrideProperty("camel.component.nclue.nclue-endpoint", emulator.nclueEndpoint());
        main.addOverrideProperty("camel.component.nclue.requests-per-second", "100");
        main.addOverrideProperty("camel.component.nclue.status-poll-delay", "50");
        main.addOverrideProperty("camel.component.nclue.ledger",
                "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.addOverrideProperty("nclue.bucket", DemoData.BUCKET);
        main.addOverrideProperty("nclue.train-feature-id", featureId);
        main.addOverrideProperty("camel.main.route-filter-exclude-pattern", "nightly");
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();

            String verdict = template.requestBodyAndHeader("direct:train", null, "CamelNclueName", "weekly",
                    String.class);

            // the emulator's AUROC is in (0.5, 1): above or below the route's 0.7 gate, depending on the name
            assertTrue(verdict.matches("model [0-9a-f-]{36} (accepted|rejected) \\(AUROC 0\\.\\d+\\)"), verdict);
            String taskId = verdict.split(" ")[1];
            double auroc = Double.parseDouble(verdict.replaceAll(".*AUROC (.*)\\)", "$1"));
            assertEquals(auroc >= 0.7 ? "accepted" : "rejected", verdict.split(" ")[2], verdict);
            // what NCLUE recorded for the task: application.properties and the route's options reached the API
            Task task = template.requestBodyAndHeader("nclue:tasks?operation=get", null, "CamelNclueTaskId", taskId,
                    Task.class);
            assertEquals("completed", task.status());
            assertEquals("weekly", task.taskName());
            assertEquals(featureId, task.trainFeatureId());
            assertEquals(DemoData.BUCKET, task.trainBucket());
            assertEquals(DemoData.TRAIN_LABEL_KEY, task.trainFilePath());
        } finally {
            main.stop();
        }
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(0, emulator.stats().unauthorized(), "every request was signed correctly");
    }

    /** The feature a model trains on; an account has it before the example runs. */
    private static String completedFeature() throws Exception {
        NclueComponent nclue = new NclueComponent();
        nclue.getConfiguration().setAccessKey(emulator.accessKey());
        nclue.getConfiguration().setSecretKey(emulator.secretKey());
        nclue.getConfiguration().setNclueEndpoint(emulator.nclueEndpoint());
        nclue.getConfiguration().setRequestsPerSecond(100);
        nclue.setLedger(new InMemoryJobLedger());
        nclue.setStatusPollDelay(50);
        try (CamelContext setup = new DefaultCamelContext()) {
            setup.addComponent("nclue", nclue);
            setup.start();
            Feature feature = setup.createProducerTemplate().requestBodyAndHeader(
                    "nclue:features?operation=create&sourceBucket=" + DemoData.BUCKET + "&sourceFilePath="
                                                                                   + DemoData.FEATURE_KEY
                                                                                   + "&waitForCompletion=true",
                    null, "CamelNclueName", "users", Feature.class);
            return feature.featureId();
        }
    }
}
