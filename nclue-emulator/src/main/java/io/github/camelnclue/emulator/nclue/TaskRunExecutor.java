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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.JobClock;

/**
 * Runs a task run: checks the task and feature are completed ({@code COMMON_ERROR}) and the result bucket exists
 * ({@code OBS_UPLOAD_FAILED}), then writes {@code user_id\tscore} rows and uploads them under the name
 * {@link ResultKeys} gives.
 */
final class TaskRunExecutor {

    private final JobStore store;
    private final ScoredRows rows;
    private final ObjectStorageResults results;
    private final JobClock clock;

    TaskRunExecutor(JobStore store, ScoredRows rows, ObjectStorageResults results, JobClock clock) {
        this.store = store;
        this.rows = rows;
        this.results = results;
        this.clock = clock;
    }

    Outcome execute(TaskRunJob job) {
        EmulatedJob task = store.find(JobKind.TASK, job.taskId());
        EmulatedJob feature = store.find(JobKind.FEATURE, job.featureId());
        if (task == null || task.status() != EmulatedJobStatus.COMPLETED
                || feature == null || feature.status() != EmulatedJobStatus.COMPLETED) {
            return Outcome.failed("COMMON_ERROR");
        }
        if (!results.bucketExists(job.resultBucket())) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        }
        String key = ResultKeys.of(job.resultFilePath(), clock.now());
        long seed = Scores.hash(job.taskId().getBytes(StandardCharsets.UTF_8));
        try {
            long count = results.upload(job.resultBucket(), key,
                    file -> rows.write(file, (FeatureJob) feature, seed, ScoredRows.SCORE));
            return Outcome.completed(j -> ((TaskRunJob) j).results(key, count));
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        }
    }
}
