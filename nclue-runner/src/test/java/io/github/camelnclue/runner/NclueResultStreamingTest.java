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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.NclueConfiguration;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.TaskRun;
import io.github.camelnclue.storage.ObjectStorage;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * getResult against the emulator's real S3 server: the actual object key is found, every format streams, a download
 * resumes, and a 1.2M-line (~200 MB) result streams through a YAML split in a 64 MB heap with stream caching on.
 */
class NclueResultStreamingTest {

    private static final long BIG_ROWS = 3_600_000;

    private static NclueEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate template;
    private static TaskRun run;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void completeARun() throws Exception {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).quotaPerSecond(0).build().start();
        DemoData.seed(emulator);
        context = new DefaultCamelContext();
        NclueComponent component = new NclueComponent();
        NclueConfiguration config = component.getConfiguration();
        config.setAccessKey(emulator.accessKey());
        config.setSecretKey(emulator.secretKey());
        config.setNclueEndpoint(emulator.nclueEndpoint());
        config.setObjectStorageEndpoint(emulator.s3Endpoint());
        config.setRegion(emulator.region());
        config.setRequestsPerSecond(20);
        component.setLedger(new InMemoryJobLedger());
        component.setStatusPollDelay(100);
        context.addComponent("nclue", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a getResult body is closed when its exchange completes: read it in the route
                from("direct:getResult").streamCache("false").toD("${header.getResultUri}")
                        .process(e -> e.getMessage().setBody(e.getMessage().getBody() instanceof InputStream in
                                ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                : drain(e.getMessage().getBody(Iterator.class))));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        String wait = "&waitForCompletion=true&waitTimeout=60s";
        Exchange feature = template.request("nclue:features?operation=create&name=f&sourceBucket=" + DemoData.BUCKET
                                            + "&sourceFilePath=" + DemoData.FEATURE_KEY + wait, e -> {
                                            });
        Exchange task = template.request("nclue:tasks?operation=create&name=t&trainBucket=" + DemoData.BUCKET
                                         + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY + wait,
                e -> e.getMessage().setHeader(NclueConstants.TRAIN_FEATURE_ID,
                        feature.getMessage().getHeader(NclueConstants.FEATURE_ID)));
        run = template.request("nclue:taskRuns?operation=create&name=r&resultBucket=" + DemoData.BUCKET
                               + "&resultFilePath=predictions/petfood" + wait, e -> {
                                   e.getMessage().setHeader(NclueConstants.TASK_ID,
                                           task.getMessage().getHeader(NclueConstants.TASK_ID));
                                   e.getMessage().setHeader(NclueConstants.FEATURE_ID,
                                           feature.getMessage().getHeader(NclueConstants.FEATURE_ID));
                               }).getMessage().getBody(TaskRun.class);
    }

    @AfterAll
    static void stop() {
        context.stop();
        emulator.close();
    }

    @Test
    void findsTheSuffixedObjectAndStreamsRows() {
        Exchange exchange = read("nclue:taskRuns?operation=getResult");

        String key = exchange.getMessage().getHeader(NclueConstants.S3_KEY, String.class);
        assertTrue(key.matches("predictions/petfood_[a-z0-9]{8}_\\d{10}\\.tsv"), key);
        assertEquals(DemoData.BUCKET, exchange.getMessage().getHeader(NclueConstants.S3_BUCKET_NAME));
        assertEquals(emulator.objectStorage().size(DemoData.BUCKET, key),
                exchange.getMessage().getHeader(NclueConstants.RESULT_SIZE, Long.class));
        List<List<String>> rows = exchange.getMessage().getBody(List.class);
        assertEquals(DemoData.USERS, rows.size());
        assertEquals(2, rows.get(0).size());
        assertTrue(Double.parseDouble(rows.get(0).get(1)) <= 1.0);
    }

    @Test
    void linesInBatchesAndTheRawStream() throws Exception {
        List<List<String>> batches = read("nclue:taskRuns?operation=getResult&resultFormat=lines&resultBatchSize=300")
                .getMessage().getBody(List.class);
        assertEquals(List.of(300, 300, 300, 100), batches.stream().map(List::size).toList());

        String text = read("nclue:taskRuns?operation=getResult&resultFormat=stream").getMessage()
                .getBody(String.class);
        assertEquals(String.join("\n", batches.stream().flatMap(List::stream).toList()) + "\n", text);
    }

    @Test
    void downloadsToAFileAndResumesAnInterruptedDownload() throws Exception {
        String uri = "nclue:taskRuns?operation=getResult&resultFormat=file&resultDirectory=" + tempDir;
        Path complete = template.request(uri, e -> e.getMessage().setHeader(NclueConstants.RUN_ID, run.runId()))
                .getMessage().getBody(java.io.File.class).toPath();
        byte[] expected = Files.readAllBytes(complete);
        // an interrupted download leaves the first part behind, named by the object's ETag
        String eTag;
        try (ObjectStorage storage = ObjectStorage.create(emulator.s3Endpoint(), emulator.region(),
                emulator.accessKey(), emulator.secretKey())) {
            eTag = storage.locate(DemoData.BUCKET, run.resultFilePath()).eTag().replace("\"", "");
        }
        Path part = complete.resolveSibling(complete.getFileName() + "." + eTag + ".part");
        Files.write(part, java.util.Arrays.copyOf(expected, expected.length / 3));
        Files.delete(complete);

        Path resumed = template.request(uri, e -> e.getMessage().setHeader(NclueConstants.RUN_ID, run.runId()))
                .getMessage().getBody(java.io.File.class).toPath();

        assertArrayEquals(expected, Files.readAllBytes(resumed));
        assertTrue(Files.notExists(part));
    }

    @Test
    void locatesTheResultFromTheRequestedPathToo() {
        try (ObjectStorage storage = ObjectStorage.create(emulator.s3Endpoint(), emulator.region(),
                emulator.accessKey(), emulator.secretKey())) {
            String actual = storage.locate(DemoData.BUCKET, "predictions/petfood").key();
            assertTrue(actual.startsWith("predictions/petfood_"), actual);
        }
    }

    /**
     * A result bigger than the child's whole heap (3.6M rows, ~78 MB, against -Xmx64m) streams through a YAML split
     * with camel-main's default stream caching on, which would buffer an InputStream body whole. The ~200 MB,
     * 1.2M-line case is measured in bench/ (RESULTS.md).
     */
    @Test
    void streamsAResultBiggerThanTheHeapWithStreamCachingOn() throws Exception {
        emulator.setResultRows(BIG_ROWS);
        TaskRun big;
        try {
            big = template.request("nclue:taskRuns?operation=create&name=big&resultBucket=" + DemoData.BUCKET
                                   + "&resultFilePath=predictions/big&waitForCompletion=true&waitTimeout=120s",
                    e -> {
                        e.getMessage().setHeader(NclueConstants.TASK_ID, run.taskId());
                        e.getMessage().setHeader(NclueConstants.FEATURE_ID, run.featureId());
                    }).getMessage().getBody(TaskRun.class);
        } finally {
            emulator.setResultRows(-1);
        }
        long size = emulator.objectStorage().size(DemoData.BUCKET, big.resultFilePath());
        assertTrue(size > 64L * 1024 * 1024, "the object is bigger than the heap: " + size);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"),
                "-Dcamel.component.nclue.access-key=" + emulator.accessKey(),
                "-Dcamel.component.nclue.secret-key=" + emulator.secretKey(),
                "-Dcamel.component.nclue.nclue-endpoint=" + emulator.nclueEndpoint(),
                "-Dcamel.component.nclue.object-storage-endpoint=" + emulator.s3Endpoint(),
                "-Dcamel.component.nclue.ledger-directory=" + tempDir.resolve("ledger"),
                ResultStreamingMain.class.getName(), big.runId()));
        Path log = tempDir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the count finished");
        String output = Files.readString(log);

        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("STREAM_CACHING=true"), output);
        assertTrue(output.contains("ROWS=" + BIG_ROWS), output);
    }

    private static Exchange read(String uri) {
        Exchange exchange = template.request("direct:getResult", e -> {
            e.getMessage().setHeader(NclueConstants.RUN_ID, run.runId());
            e.getMessage().setHeader("getResultUri", uri);
        });
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException());
        }
        return exchange;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> drain(Iterator<?> iterator) {
        List<T> all = new ArrayList<>();
        iterator.forEachRemaining(element -> all.add((T) element));
        return all;
    }
}
