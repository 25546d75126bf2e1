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
package io.github.camelnclue.emulator;

/**
 * The kinds of jobs the emulator creates; the stats count creations per kind.
 */
public enum JobKind {
    FEATURE("features"),
    TASK("tasks"),
    TASK_RUN("taskRuns"),
    CUSTOM_ATTRIBUTES("customAttributes"),
    SHOPPING_INTENT("shoppingIntents"),
    AI_APP("aiApps");

    private final String statsName;

    JobKind(String statsName) {
        this.statsName = statsName;
    }

    /** Name used in the stats JSON. */
    public String statsName() {
        return statsName;
    }
}
