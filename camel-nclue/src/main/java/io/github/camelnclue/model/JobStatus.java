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
import java.util.Set;

/**
 * Status values of NCLUE jobs and DataForest AI apps, and which of them are terminal.
 */
public final class JobStatus {

    public static final String REGISTERED = "registered";
    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /**
     * Not an NCLUE status: the component records it when a job was deleted through it or answered 404 (deleted
     * elsewhere). Terminal; consumers select it with {@code statuses=deleted}.
     */
    public static final String DELETED = "deleted";

    // the create pages write "complete" where the get pages write "completed": accept both (docs/ncp-api.md 2.1)
    private static final Set<String> SUCCESS = Set.of(COMPLETED, "complete");
    private static final Set<String> TERMINAL = Set.of(COMPLETED, "complete", FAILED, DELETED);

    private JobStatus() {
    }

    public static boolean isTerminal(String status) {
        return status != null && TERMINAL.contains(status.toLowerCase(Locale.ROOT));
    }

    public static boolean isSuccess(String status) {
        return status != null && SUCCESS.contains(status.toLowerCase(Locale.ROOT));
    }
}
