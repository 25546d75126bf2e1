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
package io.github.camelnclue.examples.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.model.TaskRun;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot application against nclue-emulator: the NCLUE API (signatures, validation, job lifecycle) and
 * Object Storage with the emulator's demo data, on localhost.
 */
@CamelSpringBootTest
@SpringBootTest(properties = { "camel.springboot.main-run-controller=false", "nclue.bucket=" + DemoData.BUCKET,
                               // the emulator runs without NCLUE's quota, so the client need not keep to it either
                               "nclue.requests-per-second=100" })
class NclueSpringBootApplicationTest {

    // started before Spring reads the @DynamicPropertySource; jobs move a status every 100 ms, no quota
    static final NclueEmulator EMULATOR = NclueEmulator.builder().statusStep(Duration.ofMillis(100))
            .quotaPerSecond(0).build().start();

    static {
        DemoData.seed(EMULATOR);
    }

    @Autowired
    CamelContext context;

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void nclueApi(DynamicPropertyRegistry registry) {
        registry.add("nclue.access-key", EMULATOR::accessKey);
        registry.add("nclue.secret-key", EMULATOR::secretKey);
        registry.add("nclue.endpoint", EMULATOR::nclueEndpoint);
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void scoresAFeatureWithATrainedModel() {
        NclueComponent nclue = context.getComponent("nclue", NclueComponent.class);
        // not the default file ledger in the user's home: this test's jobs are forgotten with it
        nclue.setLedger(new InMemoryJobLedger());
        nclue.setStatusPollDelay(50);
        // what an account has before the application scores: a feature and a model trained on it
        Feature feature = template.requestBodyAndHeader("nclue:features?operation=create&sourceBucket="
                                                        + DemoData.BUCKET + "&sourceFilePath=" + DemoData.FEATURE_KEY
                                                        + "&waitForCompletion=true",
                null, "CamelNclueName", "users", Feature.class);
        Task task = template.requestBodyAndHeaders("nclue:tasks?operation=create&trainBucket=" + DemoData.BUCKET
                                                   + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY
                                                   + "&waitForCompletion=true",
                null, Map.of("CamelNclueName", "model", "CamelNclueTrainFeatureId", feature.featureId()), Task.class);

        String reply = template.requestBodyAndHeaders("direct:score", null, Map.of(
                "CamelNclueName", "score-1", "CamelNclueTaskId", task.taskId(),
                "CamelNclueFeatureId", feature.featureId()), String.class);

        assertTrue(reply.matches("run [0-9a-f-]{36} completed with " + DemoData.USERS + " lines"), reply);
        // what NCLUE recorded for the run: the route's options and the application's bucket reached the API
        TaskRun run = template.requestBodyAndHeader("nclue:taskRuns?operation=get", null, "CamelNclueRunId",
                reply.split(" ")[1], TaskRun.class);
        assertEquals("score-1", run.runName());
        assertEquals(task.taskId(), run.taskId());
        assertEquals(feature.featureId(), run.featureId());
        assertEquals(DemoData.BUCKET, run.resultBucket());
        // NCLUE names the result file itself, under the requested directory
        assertTrue(run.resultFilePath().startsWith("results/nclue_"), run.resultFilePath());
        assertTrue(EMULATOR.objectStorage().exists(DemoData.BUCKET, run.resultFilePath()), run.resultFilePath());
        assertEquals(1, EMULATOR.stats().created(JobKind.TASK_RUN));
        assertEquals(0, EMULATOR.stats().unauthorized(), "every request was signed correctly");
    }
}
