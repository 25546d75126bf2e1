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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.JobClock;
import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * Runs a task run: checks the task and feature are completed ({@code COMMON_ERROR}) and the result bucket exists
 * ({@code OBS_UPLOAD_FAILED}), then streams {@code user_id\tscore} rows to a temporary file and uploads it under
 * the documented name (nclue-posttaskrun): {@code {path}nclue_{random}_{yyyymmddhh}.tsv} when the path ends with
 * {@code /}, else {@code {path}_{random}_{yyyymmddhh}.tsv}; random is 8 lowercase alphanumerics, the hour is KST.
 */
final class TaskRunExecutor {

    private final FeatureFiles files;
    private final JobStore store;
    private final EmulatorObjectStorage storage;
    private final JobClock clock;
    private final LongSupplier resultRowsOverride;

    /** @param resultRowsOverride negative: one row per feature user; else that many synthetic rows */
    TaskRunExecutor(FeatureFiles files, JobStore store, EmulatorObjectStorage storage, JobClock clock,
                    LongSupplier resultRowsOverride) {
        this.files = files;
        this.store = store;
        this.storage = storage;
        this.clock = clock;
        this.resultRowsOverride = resultRowsOverride;
    }

    Outcome execute(TaskRunJob job) {
        EmulatedJob task = store.find(JobKind.TASK, job.taskId());
        EmulatedJob feature = store.find(JobKind.FEATURE, job.featureId());
        if (task == null || task.status() != EmulatedJobStatus.COMPLETED
                || feature == null || feature.status() != EmulatedJobStatus.COMPLETED) {
            return Outcome.failed("COMMON_ERROR");
        }
        if (!storage.bucketExists(job.resultBucket())) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        }
        String key = resultKey(job.resultFilePath(), clock.now());
        Path tmp = null;
        try {
            tmp = TempFiles.create("run");
            long rows;
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows = writeRows(out, job.taskId(), (FeatureJob) feature);
            }
            storage.putObject(job.resultBucket(), key, tmp);
            return Outcome.completed(j -> ((TaskRunJob) j).results(key, rows));
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        } finally {
            TempFiles.deleteQuietly(tmp);
        }
    }

    static String resultKey(String path, Instant at) {
        String suffix = Ids.lowerAlphanumeric(8) + "_" + Timestamps.resultSuffix(at) + ".tsv";
        return path.endsWith("/") ? path + "nclue_" + suffix : path + "_" + suffix;
    }

    private long writeRows(BufferedWriter out, String taskId, FeatureJob feature) throws IOException {
        long seed = Scores.hash(taskId.getBytes(StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder(64);
        long synthetic = resultRowsOverride.getAsLong();
        if (synthetic >= 0) {
            for (long i = 1; i <= synthetic; i++) {
                line.setLength(0);
                line.append("user-").append(i).append('\t');
                Scores.appendScore(line, Scores.hash(seed, i));
                out.append(line).append('\n');
            }
            return synthetic;
        }
        long[] rows = { 0 };
        List<String> keys = files.keys(feature.sourceBucket(), feature.sourceFilePath());
        files.forEachRow(feature.sourceBucket(), keys, (userId, tokens) -> {
            line.setLength(0);
            line.append(userId).append('\t');
            Scores.appendScore(line, Scores.hash(seed, userId));
            try {
                out.append(line).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows[0]++;
        });
        return rows[0];
    }
}
