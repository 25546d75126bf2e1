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
 * State common to features, tasks and task runs. Fields written by the scheduler thread are volatile and results
 * are set before the terminal status, so a reader that sees {@code completed} also sees the results.
 */
abstract class EmulatedJob {

    private final String id;
    private final String name;
    private final Instant createdAt;
    private volatile EmulatedJobStatus status = EmulatedJobStatus.REGISTERED;
    private volatile Instant completedAt;
    private volatile String failMessage;

    EmulatedJob(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    abstract JobKind kind();

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    EmulatedJobStatus status() {
        return status;
    }

    void status(EmulatedJobStatus status) {
        this.status = status;
    }

    Instant completedAt() {
        return completedAt;
    }

    void completedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    String failMessage() {
        return failMessage;
    }

    void failMessage(String failMessage) {
        this.failMessage = failMessage;
    }

    String createdAtText() {
        return Timestamps.nclue(createdAt);
    }

    String completedAtText() {
        return Timestamps.nclue(completedAt);
    }
}
