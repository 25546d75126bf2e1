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

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.emulator.JobKind;

/**
 * Decides a task's outcome, checking in this order: label files present and non-empty ({@code NOT_EXIST_FILE}),
 * well-formed with labels 0/1 only ({@code UNEXPECTED_TXT_FORMAT}, {@code UNEXPECTED_LABEL},
 * {@code DUPLICATE_USERID}), referenced features completed ({@code COMMON_ERROR}), and at least 100 users of each
 * label covered by the feature ({@code NUM_OF_LABEL_INSUFFICIENT}, nclue-troubleshoot).
 */
final class TaskEvaluator {

    static final int MIN_USERS_PER_LABEL = 100;

    private record Labels(Map<String, Boolean> byUser, long lines, long bytes) {
    }

    private final FeatureFiles files;
    private final JobStore store;

    TaskEvaluator(FeatureFiles files, JobStore store) {
        this.files = files;
        this.store = store;
    }

    Outcome evaluate(TaskJob job) {
        Labels train = readLabels(job.train());
        Labels test = job.test() == null ? null : readLabels(job.test());
        FeatureJob trainFeature = completedFeature(job.train().featureId());
        FeatureJob testFeature = job.test() == null ? null : completedFeature(job.test().featureId());
        checkCoverage(train, trainFeature);
        if (test != null) {
            checkCoverage(test, testFeature);
        }
        String auroc = auroc(job.name());
        long lines = train.lines() + (test == null ? 0 : test.lines());
        long bytes = train.bytes() + (test == null ? 0 : test.bytes());
        return Outcome.completed(j -> ((TaskJob) j).results(auroc, lines, bytes));
    }

    /** A value in (0.5, 1), stable for a task name, printed like the doc sample ({@code "0.7681659649879657"}). */
    static String auroc(String name) {
        long h = Scores.hash(name.getBytes(StandardCharsets.UTF_8));
        double unit = (h >>> 11) * 0x1.0p-53;
        return Double.toString(0.55 + unit * 0.4);
    }

    private Labels readLabels(TaskJob.LabelSet set) {
        List<String> keys = files.keys(set.bucket(), set.filePath());
        long bytes = files.totalSize(set.bucket(), keys);
        if (keys.isEmpty() || bytes == 0) {
            throw new JobFailure("NOT_EXIST_FILE");
        }
        Map<String, Boolean> byUser = new HashMap<>();
        long[] lines = { 0 };
        files.forEachRow(set.bucket(), keys, (userId, label) -> {
            String value = label.trim();
            if (!"0".equals(value) && !"1".equals(value)) {
                throw new JobFailure("UNEXPECTED_LABEL");
            }
            if (byUser.put(userId, "1".equals(value)) != null) {
                throw new JobFailure("DUPLICATE_USERID");
            }
            lines[0]++;
        });
        if (lines[0] == 0) {
            throw new JobFailure("NOT_EXIST_FILE");
        }
        return new Labels(byUser, lines[0], bytes);
    }

    private FeatureJob completedFeature(String featureId) {
        EmulatedJob feature = store.find(JobKind.FEATURE, featureId);
        if (feature == null || feature.status() != EmulatedJobStatus.COMPLETED) {
            throw new JobFailure("COMMON_ERROR");
        }
        return (FeatureJob) feature;
    }

    private void checkCoverage(Labels labels, FeatureJob feature) {
        long[] counts = { 0, 0 };
        List<String> keys = files.keys(feature.sourceBucket(), feature.sourceFilePath());
        files.forEachRow(feature.sourceBucket(), keys, (userId, tokens) -> {
            Boolean positive = labels.byUser().get(userId);
            if (positive != null) {
                counts[positive ? 1 : 0]++;
            }
        });
        if (counts[0] < MIN_USERS_PER_LABEL || counts[1] < MIN_USERS_PER_LABEL) {
            throw new JobFailure("NUM_OF_LABEL_INSUFFICIENT");
        }
    }
}
