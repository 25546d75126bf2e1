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
package io.github.camelnclue.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * The demo chain's completed feature and task, which every benchmark task run uses. Call it while the emulator's
 * quota is off and its status step short.
 */
public record DemoChain(String bucket, String featureId, String taskId) {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static DemoChain create(NclueEmulator emulator, EmulatorApi api) throws InterruptedException {
        DemoData.Seeded demo = DemoData.seed(emulator);
        String feature = api.post("/api/v1/features", Map.of("name", "bench-feature",
                "source_bucket", demo.bucket(), "source_file_path", demo.featureKey())).path("feature_id").asText();
        requireCompleted(api.await("/api/v1/features/" + feature, Set.of("completed", "failed"), TIMEOUT));
        String task = api.post("/api/v1/tasks", Map.of("name", "bench-task", "train_feature_id", feature,
                "train_bucket", demo.bucket(), "train_file_path", demo.trainLabelKey())).path("task_id").asText();
        requireCompleted(api.await("/api/v1/tasks/" + task, Set.of("completed", "failed"), TIMEOUT));
        return new DemoChain(demo.bucket(), feature, task);
    }

    /** Creates a task run writing under {@code results/}; returns its id. */
    public String createRun(EmulatorApi api, String name) {
        return api.post("/api/v1/task-runs", Map.of("name", name, "task_id", taskId, "feature_id", featureId,
                "result_bucket", bucket, "result_file_path", DemoData.RESULT_PREFIX)).path("run_id").asText();
    }

    private static void requireCompleted(JsonNode job) {
        if (!"completed".equals(job.path("status").asText())) {
            throw new IllegalStateException("setup job did not complete: " + job);
        }
    }
}
