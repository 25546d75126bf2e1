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
package io.github.camelnclue.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.NclueConfiguration;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.ResultReading;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.CustomAttributes;
import io.github.camelnclue.model.DryRunRequest;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.ShoppingIntent;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile API, onWaitTimeout=cancel and dry run end to end against the emulator: its signature checks, rules,
 * status progression, Object Storage result files and the shopping-intent download.
 */
class NclueProfilesEmulatorTest {

    @TempDir
    Path workDir;

    private NclueEmulator emulator;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        DemoData.seed(emulator);
        context = new DefaultCamelContext();
        NclueComponent component = new NclueComponent();
        NclueConfiguration configuration = component.getConfiguration();
        configuration.setAccessKey(emulator.accessKey());
        configuration.setSecretKey(emulator.secretKey());
        configuration.setNclueEndpoint(emulator.nclueEndpoint());
        configuration.setObjectStorageEndpoint(emulator.s3Endpoint());
        configuration.setRegion(emulator.region());
        configuration.setRetryInitialDelay(100);
        configuration.setRetryMaxDelay(500);
        component.setLedger(new InMemoryJobLedger());
        component.setStatusPollDelay(100);
        context.addComponent("nclue", component);
        context.addRoutes(ResultReading.route());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.close();
    }

    @Test
    void customAttributesResultStreamsFromObjectStorage() throws Exception {
        Task task = trainedTask("ca");
        CustomAttributes profile = template.requestBodyAndHeader("nclue:customAttributes?operation=create"
                                                                 + "&name=ca-profile&resultBucket=" + DemoData.BUCKET
                                                                 + "&resultFilePath=" + DemoData.PROFILE_RESULT_PREFIX
                                                                 + "&waitForCompletion=true&waitTimeout=60s",
                Map.of("feature_id", task.trainFeatureId(), "keyword_set", DemoData.KEYWORD_SET),
                NclueConstants.NAME, "ca-profile", CustomAttributes.class);

        Exchange result = ResultReading.read(template, "nclue:customAttributes?operation=getResult",
                e -> e.getMessage().setHeader(NclueConstants.PROFILE_ID, profile.profileId()));

        assertEquals("completed", profile.status());
        assertTrue(String.valueOf(result.getMessage().getHeader(NclueConstants.S3_KEY))
                .matches("profiles/nclue_[A-Za-z0-9]+_\\d{10}\\.tsv"), result.getMessage().getHeader(NclueConstants.S3_KEY).toString());
        List<Object> rows = drain(result.getMessage().getBody(Iterator.class));
        assertEquals(DemoData.USERS, rows.size());
    }

    @Test
    void shoppingIntentDownloadsItsTsvAndKeepsItsTaskFromBeingDeleted() throws Exception {
        Task task = trainedTask("si");
        // the intent stays registered (in flight) until the clock runs fast again
        emulator.setStatusStep(Duration.ofSeconds(30));
        ShoppingIntent intent = template.requestBodyAndHeader("nclue:shoppingIntents?operation=create&name=si-intents",
                null, NclueConstants.TASK_ID, task.taskId(), ShoppingIntent.class);

        Exchange refused = template.request("nclue:tasks?operation=delete&taskId=" + task.taskId(), e -> {
        });
        NclueApiException inUse = assertInstanceOf(NclueApiException.class, refused.getException());
        assertTrue(inUse.getMessage().contains("is in use") && inUse.getMessage().contains(intent.profileId()),
                inUse.getMessage());
        emulator.setStatusStep(Duration.ofMillis(100));

        ShoppingIntent done = template.requestBodyAndHeader("nclue:shoppingIntents?operation=get"
                                                            + "&waitForCompletion=true&waitTimeout=60s", null,
                NclueConstants.PROFILE_ID, intent.profileId(), ShoppingIntent.class);
        Exchange rows = ResultReading.read(template, "nclue:shoppingIntents?operation=download&resultBatchSize=100",
                e -> e.getMessage().setHeader(NclueConstants.PROFILE_ID, intent.profileId()));
        Exchange file = template.request("nclue:shoppingIntents?operation=download&resultFormat=file&resultDirectory="
                                         + workDir, e -> e.getMessage().setHeader(NclueConstants.PROFILE_ID, intent.profileId()));

        assertEquals("completed", done.status());
        List<Object> batches = drain(rows.getMessage().getBody(Iterator.class));
        assertEquals(DemoData.USERS / 100, batches.size());
        Path saved = workDir.resolve(intent.profileId() + ".tsv");
        assertEquals(saved.toFile(), file.getMessage().getBody());
        assertEquals(DemoData.USERS, Files.readAllLines(saved).size());
        assertEquals(done.diskUsage(), Files.size(saved));
    }

    @Test
    void cancelDeletesAJobStillRegistered() {
        // a status step longer than the wait: the task is still registered when the wait gives up
        emulator.setStatusStep(Duration.ofSeconds(30));
        Feature feature = template.requestBody("nclue:features?operation=create&name=slow-feature&sourceBucket="
                                               + DemoData.BUCKET + "&sourceFilePath=" + DemoData.FEATURE_KEY,
                null, Feature.class);

        Exchange exchange = template.request("nclue:features?operation=get&waitForCompletion=true&waitTimeout=300"
                                             + "&onWaitTimeout=cancel",
                e -> e.getMessage().setHeader(NclueConstants.FEATURE_ID, feature.featureId()));

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class, exchange.getException());
        assertTrue(timeout.isCancelled(), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("cancelled while registered"), timeout.getMessage());
        Exchange gone = template.request("nclue:features?operation=get&featureId=" + feature.featureId(), e -> {
        });
        assertEquals(404, assertInstanceOf(NclueApiException.class, gone.getException()).getHttpResponseCode());
    }

    @Test
    void aDryRunSendsNothingToTheEmulator() {
        emulator.stats().reset();

        DryRunRequest request = template.requestBody("nclue:shoppingIntents?operation=create&dryRun=true"
                                                     + "&name=dry-intents&taskId=some-task", null, DryRunRequest.class);

        assertEquals(emulator.nclueEndpoint() + "/api/v1/profile/shopping-intents", request.url());
        assertEquals(0, emulator.stats().totalRequests());
    }

    private Task trainedTask(String prefix) {
        Feature feature = template.requestBody("nclue:features?operation=create&name=" + prefix + "-feature"
                                               + "&sourceBucket=" + DemoData.BUCKET + "&sourceFilePath="
                                               + DemoData.FEATURE_KEY + "&waitForCompletion=true&waitTimeout=60s",
                null, Feature.class);
        return template.requestBodyAndHeader("nclue:tasks?operation=create&name=" + prefix + "-task&trainBucket="
                                             + DemoData.BUCKET + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY
                                             + "&waitForCompletion=true&waitTimeout=60s",
                null, NclueConstants.TRAIN_FEATURE_ID, feature.featureId(), Task.class);
    }

    private static List<Object> drain(Iterator<?> iterator) {
        List<Object> all = new ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }
}
