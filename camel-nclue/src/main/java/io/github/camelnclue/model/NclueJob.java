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

/**
 * What every job the component creates and watches has in common: a feature, a task, a task run or an AI app.
 */
public interface NclueJob {

    /** The job's id: {@code feature_id}, {@code task_id}, {@code run_id} or the AI app id. */
    String id();

    /** The job's name as given at creation. */
    String name();

    /**
     * The job's status: NCLUE {@code registered|pending|in_progress|completed|failed}, or the YARN {@code state} of an
     * AI app.
     */
    String status();

    /** Why the job failed, or null. */
    String failMessage();

    /** True when the job will not change status any more. */
    default boolean terminal() {
        return JobStatus.isTerminal(status());
    }

    /** True when the job ended successfully. */
    default boolean succeeded() {
        return JobStatus.isSuccess(status());
    }
}
