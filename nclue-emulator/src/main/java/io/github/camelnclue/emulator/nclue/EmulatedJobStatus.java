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

/**
 * NCLUE job lifecycle (docs/ncp-api.md §2.1): registered → pending → in_progress → completed | failed.
 */
enum EmulatedJobStatus {
    REGISTERED("registered"),
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String value;

    EmulatedJobStatus(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** Deletion is allowed only before the job started or after it ended (nclue-deletetask). */
    boolean isDeletable() {
        return this == REGISTERED || isTerminal();
    }

    boolean isActive() {
        return !isTerminal();
    }
}
