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

import java.time.Instant;

import io.github.camelnclue.emulator.JobKind;

/**
 * A task: a model trained from label files against features.
 */
final class TaskJob extends EmulatedJob {

    /** One labelled data set: the feature it applies to and where its label file is. */
    record LabelSet(String featureId, String featureName, String bucket, String filePath) {
    }

    private final LabelSet train;
    private final LabelSet test;
    private volatile String auroc;
    private volatile Long lineCount;
    private volatile Long diskUsage;

    TaskJob(String id, String name, Instant createdAt, LabelSet train, LabelSet test) {
        super(id, name, createdAt);
        this.train = train;
        this.test = test;
    }

    @Override
    JobKind kind() {
        return JobKind.TASK;
    }

    LabelSet train() {
        return train;
    }

    /** @return the optional test set, or {@code null} */
    LabelSet test() {
        return test;
    }

    boolean usesFeature(String featureId) {
        return train.featureId().equals(featureId) || test != null && test.featureId().equals(featureId);
    }

    String auroc() {
        return auroc;
    }

    Long lineCount() {
        return lineCount;
    }

    Long diskUsage() {
        return diskUsage;
    }

    void results(String auroc, long lineCount, long diskUsage) {
        this.auroc = auroc;
        this.lineCount = lineCount;
        this.diskUsage = diskUsage;
    }
}
