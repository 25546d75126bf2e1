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
package io.github.camelnclue.examples.javadsl;

import java.time.Duration;
import java.util.Properties;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's routes against nclue-emulator: the NCLUE API (signatures, validation, job lifecycle) and Object
 * Storage with the emulator's demo data, on localhost.
 */
class JavaDslExampleTest {

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
    void countsTasksAndTrainsAModel() throws Exception {
        String featureId = completedFeature();
        Properties properties = new Properties();
        properties.setProperty("nclue.bucket", DemoData.BUCKET);
        properties.setProperty("nclue.train-feature-id", featureId);

        try (CamelContext context = new DefaultCamelContext()) {
            JavaDslExample.addTo(context, component(), properties);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            assertEquals("0", template.requestBody("direct:count-tasks", null, String.class));
            String reply = template.requestBodyAndHeader("direct:train", null, "CamelNclueName", "nightly",
                    String.class);

            String[] idAndAuroc = reply.split(" ");
            assertEquals(2, idAndAuroc.length, reply);
            // the emulator's AUROC is in (0.5, 1)
            assertTrue(Double.parseDouble(idAndAuroc[1]) > 0.5, reply);
            // what NCLUE recorded for the task: the example's options reached the API
            Task task = template.requestBodyAndHeader("nclue:tasks?operation=get", null, "CamelNclueTaskId",
                    idAndAuroc[0], Task.class);
            assertEquals("completed", task.status());
            assertEquals("nightly", task.taskName());
            assertEquals(featureId, task.trainFeatureId());
            assertEquals(DemoData.BUCKET, task.trainBucket());
            assertEquals(DemoData.TRAIN_LABEL_KEY, task.trainFilePath());
            assertEquals("1", template.requestBody("direct:count-tasks", null, String.class));
        }
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(0, emulator.stats().unauthorized(), "every request was signed correctly");
    }

    /** The example's component, pointed at the emulator. */
    private static NclueComponent component() {
        NclueComponent nclue = JavaDslExample.nclue(emulator.accessKey(), emulator.secretKey());
        nclue.getConfiguration().setNclueEndpoint(emulator.nclueEndpoint());
        // the emulator runs without NCLUE's quota, so the client need not keep to it either
        nclue.getConfiguration().setRequestsPerSecond(100);
        nclue.setLedger(new InMemoryJobLedger());
        nclue.setStatusPollDelay(50);
        return nclue;
    }

    /** The feature a model trains on; an account has it before the example runs. */
    private static String completedFeature() throws Exception {
        try (CamelContext setup = new DefaultCamelContext()) {
            setup.addComponent("nclue", component());
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
