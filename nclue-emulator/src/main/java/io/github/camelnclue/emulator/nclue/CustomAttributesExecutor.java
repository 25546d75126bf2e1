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
import java.util.List;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.JobClock;

/**
 * Runs a custom attributes profile, checking in this order: the feature is completed ({@code COMMON_ERROR}), its
 * source objects are still there ({@code NOT_EXIST_FILE}) and the result bucket exists ({@code OBS_UPLOAD_FAILED}).
 * Then it writes one row per user of the feature, {@code user_id} followed by one score in [0, 1] per keyword in the
 * keyword set's order, and uploads it under the name {@link ResultKeys} gives. A score depends only on the keyword
 * and the user, so it is the same in every profile.
 */
final class CustomAttributesExecutor {

    /** Seeds the user hash; the keyword's own hash makes each column. */
    private static final long USER_SEED = Scores.hash("custom-attributes".getBytes(StandardCharsets.UTF_8));

    private final JobStore store;
    private final FeatureFiles files;
    private final ScoredRows rows;
    private final ObjectStorageResults results;
    private final JobClock clock;

    CustomAttributesExecutor(JobStore store, FeatureFiles files, ScoredRows rows, ObjectStorageResults results,
                             JobClock clock) {
        this.store = store;
        this.files = files;
        this.rows = rows;
        this.results = results;
        this.clock = clock;
    }

    Outcome execute(CustomAttributesJob job) {
        FeatureJob feature = store.completed(JobKind.FEATURE, job.featureId(), FeatureJob.class);
        if (feature == null) {
            return Outcome.failed("COMMON_ERROR");
        }
        if (files.keys(feature.sourceBucket(), feature.sourceFilePath()).isEmpty()) {
            return Outcome.failed("NOT_EXIST_FILE");
        }
        if (!results.bucketExists(job.resultBucket())) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        }
        String key = ResultKeys.of(job.resultFilePath(), clock.now());
        ScoredRows.Columns columns = keywordScores(job.keywords());
        try {
            long count = results.upload(job.resultBucket(), key, file -> rows.write(file, feature, USER_SEED, columns));
            return Outcome.completed(j -> ((CustomAttributesJob) j).results(key, count));
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed("OBS_UPLOAD_FAILED");
        }
    }

    private static ScoredRows.Columns keywordScores(List<String> keywords) {
        long[] seeds = keywords.stream().mapToLong(k -> Scores.hash(k.getBytes(StandardCharsets.UTF_8))).toArray();
        return (line, userHash) -> {
            for (long seed : seeds) {
                line.append('\t');
                Scores.appendScore(line, Scores.hash(seed, userHash));
            }
        };
    }
}
