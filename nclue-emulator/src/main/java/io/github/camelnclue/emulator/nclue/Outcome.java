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

import java.util.function.Consumer;

/**
 * How a job ends: completed with results to store on the job, or failed with an NCLUE {@code fail_message}
 * (docs/ncp-api.md §2.4).
 */
record Outcome(String failMessage, Consumer<EmulatedJob> results) {

    static Outcome completed(Consumer<EmulatedJob> results) {
        return new Outcome(null, results);
    }

    static Outcome failed(String failMessage) {
        return new Outcome(failMessage, null);
    }

    boolean isCompleted() {
        return failMessage == null;
    }
}
