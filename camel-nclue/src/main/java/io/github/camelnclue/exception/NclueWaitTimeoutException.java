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
package io.github.camelnclue.exception;

import java.time.Duration;

/**
 * A wait for a job to end timed out. The job keeps running and stays tracked (a consumer still sees its end), unless
 * onWaitTimeout=cancel cancelled it: {@link #isCancelled()}.
 */
public class NclueWaitTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final boolean cancelled;

    public NclueWaitTimeoutException(String kind, String jobId, String lastStatus, Duration timeout) {
        this(kind, jobId, lastStatus, timeout, "it is still tracked", false);
    }

    /**
     * A timed-out wait after onWaitTimeout=cancel acted on the job.
     *
     * @param outcome   what was done, e.g. {@code cancelled while registered}
     * @param cancelled whether the job was cancelled (deleted or killed) rather than left running
     */
    public NclueWaitTimeoutException(String kind, String jobId, String lastStatus, Duration timeout, String outcome,
                                     boolean cancelled) {
        super(kind + " " + jobId + " did not end within " + timeout + " (last status " + lastStatus + "); " + outcome);
        this.jobId = jobId;
        this.cancelled = cancelled;
    }

    public String getJobId() {
        return jobId;
    }

    /** True when onWaitTimeout=cancel deleted (or killed) the job; false when it is left running and tracked. */
    public boolean isCancelled() {
        return cancelled;
    }
}
