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
 * A shopping intents profile: every user of a task's feature scored with the task's model. NCLUE keeps the result
 * itself; it is downloaded as {@code {profile_id}.tsv}, not written to Object Storage.
 */
final class ShoppingIntentJob extends EmulatedJob {

    private final String taskId;
    private final String taskName;
    private volatile Long lineCount;
    private volatile Long diskUsage;

    ShoppingIntentJob(String id, String name, Instant createdAt, String taskId, String taskName) {
        super(id, name, createdAt);
        this.taskId = taskId;
        this.taskName = taskName;
    }

    @Override
    JobKind kind() {
        return JobKind.SHOPPING_INTENT;
    }

    String taskId() {
        return taskId;
    }

    String taskName() {
        return taskName;
    }

    Long lineCount() {
        return lineCount;
    }

    Long diskUsage() {
        return diskUsage;
    }

    void results(long lineCount, long diskUsage) {
        this.lineCount = lineCount;
        this.diskUsage = diskUsage;
    }
}
