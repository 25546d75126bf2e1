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
package io.github.camelnclue.tracking;

import java.time.Instant;
import java.util.List;

import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobStatus;

/**
 * A job in the ledger. A job whose {@code id} is null is an intent: a create was about to be sent and its reply has
 * not been recorded, so the job may or may not exist in NCLUE under {@code name}.
 *
 * @param scope      the account: API base URL and access key
 * @param kind       features, tasks, taskRuns or aiApps
 * @param name       the job name (unique per kind and account in NCLUE)
 * @param id         the job id, or null for an intent
 * @param statuses   every status observed, oldest first, without repeats
 * @param recordJson the latest job record as the API returned it (JSON), or null
 * @param createdAt  when the ledger first recorded the job or intent
 */
public record TrackedJob(
        String scope, JobKind kind, String name, String id, List<StatusObservation> statuses, String recordJson,
        Instant createdAt) {

    public TrackedJob {
        statuses = List.copyOf(statuses);
    }

    public boolean isIntent() {
        return id == null;
    }

    /** The last observed status, or null. */
    public String lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).status();
    }

    /** True when the job reached a status it will not leave (for AI apps: a terminal YARN state). */
    public boolean terminal() {
        return isTerminal(kind, lastStatus());
    }

    /** The time the job reached its terminal status, or null while it is in flight. */
    public Instant terminalAt() {
        return terminal() ? statuses.get(statuses.size() - 1).observedAt() : null;
    }

    /** True when {@code status} is one a job of the kind will not leave. */
    public static boolean isTerminal(JobKind kind, String status) {
        return kind == JobKind.AI_APPS
                ? "FINISHED".equals(status) || "FAILED".equals(status) || "KILLED".equals(status)
                  || JobStatus.DELETED.equals(status)
                : JobStatus.isTerminal(status);
    }
}
