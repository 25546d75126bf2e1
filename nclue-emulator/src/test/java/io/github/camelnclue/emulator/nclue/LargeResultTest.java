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
package io.github.camelnclue.emulator.nclue;

import java.io.InputStream;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.S3Clients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static io.github.camelnclue.emulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1.2M-row result must be streamed: surefire runs this module with -Xmx256m.
 */
class LargeResultTest {

    private static final long ROWS = 1_200_000;

    @Test
    void writesAMillionLineResultWithoutBufferingIt() throws Exception {
        try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(50)).quotaPerSecond(0).build()
                .start(); S3Client s3 = S3Clients.of(emu)) {
            ApiClient api = ApiClient.of(emu);
            DemoData.Seeded demo = DemoData.seed(emu);
            emu.setResultRows(ROWS);
            String feature = api.post("/api/v1/features", json("name", "f", "source_bucket", demo.bucket(),
                    "source_file_path", demo.featureKey())).text("feature_id");
            api.await("/api/v1/features/" + feature, "status", Set.of("completed"), Duration.ofSeconds(10));
            String task = api.post("/api/v1/tasks", json("name", "t", "train_feature_id", feature, "train_bucket",
                    demo.bucket(), "train_file_path", demo.trainLabelKey())).text("task_id");
            api.await("/api/v1/tasks/" + task, "status", Set.of("completed"), Duration.ofSeconds(10));
            String run = api.post("/api/v1/task-runs", json("name", "big", "task_id", task, "feature_id", feature,
                    "result_bucket", demo.bucket(), "result_file_path", "big/")).text("run_id");
            JsonNode done = api.await("/api/v1/task-runs/" + run, "status", Set.of("completed", "failed"),
                    Duration.ofSeconds(30));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(ROWS, done.path("line_count").asLong());

            String key = done.path("result_file_path").asText();
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = s3.getObject(b -> b.bucket(demo.bucket()).key(key))) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            assertEquals(ROWS, lines);
            assertTrue(bytes > ROWS * 15, "bytes " + bytes);
            assertTrue(Runtime.getRuntime().maxMemory() <= 300L * 1024 * 1024, "runs with the small surefire heap");
        }
    }
}
