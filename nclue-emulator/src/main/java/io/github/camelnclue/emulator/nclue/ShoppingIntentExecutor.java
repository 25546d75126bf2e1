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
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelnclue.emulator.JobKind;

/**
 * Runs a shopping intents profile, checking in this order: the task is completed and so is its train feature
 * ({@code COMMON_ERROR}), and the feature's source objects are still there ({@code NOT_EXIST_FILE}). Then it writes
 * {@code user_id\tscore} for every user of the task's train feature into NCLUE's own storage as
 * {@code {profile_id}.tsv}; {@code disk_usage} is that file's size.
 */
final class ShoppingIntentExecutor {

    private final JobStore store;
    private final FeatureFiles files;
    private final ScoredRows rows;
    private final DownloadStore downloads;

    ShoppingIntentExecutor(JobStore store, FeatureFiles files, ScoredRows rows, DownloadStore downloads) {
        this.store = store;
        this.files = files;
        this.rows = rows;
        this.downloads = downloads;
    }

    Outcome execute(ShoppingIntentJob job) {
        TaskJob task = store.completed(JobKind.TASK, job.taskId(), TaskJob.class);
        FeatureJob feature = task == null ? null
                : store.completed(JobKind.FEATURE, task.train().featureId(), FeatureJob.class);
        if (feature == null) {
            return Outcome.failed("COMMON_ERROR");
        }
        if (files.keys(feature.sourceBucket(), feature.sourceFilePath()).isEmpty()) {
            return Outcome.failed("NOT_EXIST_FILE");
        }
        // another seed than the task's runs use: an intent is not the run's score
        long seed = Scores.hash(("shopping-intent:" + task.id()).getBytes(StandardCharsets.UTF_8));
        Path file = downloads.fileOf(job.id());
        boolean written = false;
        try {
            long count = rows.write(file, feature, seed, ScoredRows.SCORE);
            long bytes = Files.size(file);
            written = true;
            return Outcome.completed(j -> ((ShoppingIntentJob) j).results(count, bytes));
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed("COMMON_ERROR");
        } finally {
            if (!written) {
                downloads.delete(job.id());
            }
        }
    }
}
