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
 * A task run: scores every user of a feature with a task's model and writes a TSV to Object Storage.
 */
final class TaskRunJob extends EmulatedJob {

    private final String taskId;
    private final String taskName;
    private final String featureId;
    private final String featureName;
    private final String resultBucket;
    private volatile String resultFilePath;
    private volatile Long lineCount;

    TaskRunJob(String id, String name, Instant createdAt, String taskId, String taskName, String featureId,
               String featureName, String resultBucket, String resultFilePath) {
        super(id, name, createdAt);
        this.taskId = taskId;
        this.taskName = taskName;
        this.featureId = featureId;
        this.featureName = featureName;
        this.resultBucket = resultBucket;
        this.resultFilePath = resultFilePath;
    }

    @Override
    JobKind kind() {
        return JobKind.TASK_RUN;
    }

    String taskId() {
        return taskId;
    }

    String taskName() {
        return taskName;
    }

    String featureId() {
        return featureId;
    }

    String featureName() {
        return featureName;
    }

    String resultBucket() {
        return resultBucket;
    }

    /** The requested path until the run completes, then the actual object key (with the random/date suffix). */
    String resultFilePath() {
        return resultFilePath;
    }

    Long lineCount() {
        return lineCount;
    }

    void results(String actualResultKey, long lineCount) {
        this.resultFilePath = actualResultKey;
        this.lineCount = lineCount;
    }
}
