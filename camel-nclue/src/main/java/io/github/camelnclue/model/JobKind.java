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
package io.github.camelnclue.model;

import java.util.Locale;

/**
 * The kinds of job the component creates and watches, with the name used in URIs, headers and the ledger.
 */
public enum JobKind {

    FEATURES("features", Feature.class),
    TASKS("tasks", Task.class),
    TASK_RUNS("taskRuns", TaskRun.class),
    AI_APPS("aiApps", AiApp.class),
    CUSTOM_ATTRIBUTES("customAttributes", CustomAttributes.class),
    SHOPPING_INTENTS("shoppingIntents", ShoppingIntent.class);

    private final String uriName;
    private final Class<? extends NclueJob> recordType;

    JobKind(String uriName, Class<? extends NclueJob> recordType) {
        this.uriName = uriName;
        this.recordType = recordType;
    }

    /** The name in URIs and headers: {@code features}, {@code tasks}, {@code taskRuns}, {@code aiApps},
     * {@code customAttributes}, {@code shoppingIntents}. */
    public String uriName() {
        return uriName;
    }

    public Class<? extends NclueJob> recordType() {
        return recordType;
    }

    public static JobKind fromUriName(String name) {
        for (JobKind kind : values()) {
            if (kind.uriName.equals(name) || kind.name().equals(name.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown job kind: " + name);
    }

    @Override
    public String toString() {
        return uriName;
    }
}
