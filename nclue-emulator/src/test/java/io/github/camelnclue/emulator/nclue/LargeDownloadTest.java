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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.camelnclue.emulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shopping intent's download larger than the whole heap (surefire runs this module with -Xmx256m): it can only
 * succeed if the emulator writes the file and serves it without holding it, and the client here reads it as a
 * stream too.
 */
class LargeDownloadTest {

    /** About 22 bytes a row: some 288 MB, more than the 256 MB heap. */
    private static final long ROWS = 13_000_000;

    @Test
    // a server that buffered the file would run out of heap mid-response and leave this thread waiting: fail it
    // from another thread instead
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void streamsAFileLargerThanTheHeap() throws Exception {
        try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(50)).quotaPerSecond(0).build()
                .start()) {
            ApiClient api = ApiClient.of(emu);
            DemoData.Seeded demo = DemoData.seed(emu);
            String feature = api.post("/api/v1/features", json("name", "f", "source_bucket", demo.bucket(),
                    "source_file_path", demo.featureKey())).text("feature_id");
            api.await("/api/v1/features/" + feature, "status", Set.of("completed"), Duration.ofSeconds(10));
            String task = api.post("/api/v1/tasks", json("name", "t", "train_feature_id", feature, "train_bucket",
                    demo.bucket(), "train_file_path", demo.trainLabelKey())).text("task_id");
            api.await("/api/v1/tasks/" + task, "status", Set.of("completed"), Duration.ofSeconds(10));
            emu.setResultRows(ROWS);
            String intent = api.post("/api/v1/profile/shopping-intents", json("name", "big", "task_id", task))
                    .text("profile_id");
            JsonNode done = api.await("/api/v1/profile/shopping-intents/" + intent, "status",
                    Set.of("completed", "failed"), Duration.ofSeconds(120));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(ROWS, done.path("line_count").asLong());
            long diskUsage = done.path("disk_usage").asLong();
            assertTrue(diskUsage > Runtime.getRuntime().maxMemory(),
                    "the file (" + diskUsage + " bytes) must not fit in the heap (" + Runtime.getRuntime().maxMemory()
                                                                     + ")");

            HttpResponse<InputStream> download = api.download("/api/v1/profile/shopping-intents-download/" + intent);
            assertEquals(200, download.statusCode());
            assertEquals(diskUsage, download.headers().firstValueAsLong("Content-Length").orElse(-1));
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = download.body()) {
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
            assertEquals(diskUsage, bytes);
            assertEquals(ROWS, lines);
        }
    }
}
