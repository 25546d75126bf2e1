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

import java.time.Duration;

import io.github.camelnclue.model.JobKind;

/**
 * Told of every status change a {@link JobPoller} records, so metrics can count them without the poller knowing about
 * them.
 */
@FunctionalInterface
public interface JobStatusListener {

    JobStatusListener NONE = (kind, id, previousStatus, status, inPreviousStatus) -> {
    };

    /**
     * @param kind             the kind of job
     * @param id               the job id
     * @param previousStatus   the status the job left, or null if this is the first status observed
     * @param status           the status the job is now in
     * @param inPreviousStatus how long the job was observed in {@code previousStatus}, or null if there was none
     */
    void onStatusChange(JobKind kind, String id, String previousStatus, String status, Duration inPreviousStatus);
}
