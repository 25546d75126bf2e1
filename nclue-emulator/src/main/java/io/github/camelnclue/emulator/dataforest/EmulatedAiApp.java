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
package io.github.camelnclue.emulator.dataforest;

import java.time.Instant;

/**
 * A submitted DataForest AI app and its YARN state. Mutated only by the clock thread and by kill, under the
 * {@link DataForestApi}'s lock.
 */
final class EmulatedAiApp {

    static final String ACCEPTED = "ACCEPTED";
    static final String RUNNING = "RUNNING";
    static final String FINISHED = "FINISHED";
    static final String FAILED = "FAILED";
    static final String KILLED = "KILLED";
    static final String UNDEFINED = "UNDEFINED";
    static final String SUCCEEDED = "SUCCEEDED";

    final String id;
    final String appId;
    final String name;
    final String queueName;
    final String workspaceId;
    final String dockerImage;
    final String dockerCommand;
    final int cpuCount;
    final int memoryMb;
    final Instant startedAt;
    volatile String state = ACCEPTED;
    volatile String finalStatus = UNDEFINED;
    volatile Instant runningAt;
    volatile Instant finishedAt;

    EmulatedAiApp(String id, String appId, String name, String queueName, String workspaceId, String dockerImage,
          String dockerCommand, int cpuCount, int memoryMb, Instant startedAt) {
        this.id = id;
        this.appId = appId;
        this.name = name;
        this.queueName = queueName;
        this.workspaceId = workspaceId;
        this.dockerImage = dockerImage;
        this.dockerCommand = dockerCommand;
        this.cpuCount = cpuCount;
        this.memoryMb = memoryMb;
        this.startedAt = startedAt;
    }

    boolean isTerminal() {
        return FINISHED.equals(state) || FAILED.equals(state) || KILLED.equals(state);
    }

    /** The documented "fail" switch: a docker command containing the word {@code fail} ends FAILED/FAILED. */
    boolean shouldFail() {
        return dockerCommand != null && dockerCommand.matches("(?s).*\\bfail\\b.*");
    }

    long elapsedMillis(Instant now) {
        Instant end = finishedAt == null ? now : finishedAt;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli());
    }
}
