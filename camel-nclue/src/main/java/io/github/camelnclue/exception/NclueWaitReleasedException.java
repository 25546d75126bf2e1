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

/**
 * A wait for a job to end was released because the component or the exchange's route is stopping. The job keeps running
 * in NCLUE and stays tracked in the ledger: a consumer sees its end, and the same create (same name) adopts it.
 */
public class NclueWaitReleasedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jobId;

    /** @param stopping what is stopping, e.g. "the component" */
    public NclueWaitReleasedException(String kind, String jobId, String lastStatus, String stopping) {
        // no stack trace: it would only show the worker that released the wait, and a stop logs one per parked wait
        super("stopped waiting for " + kind + " " + jobId + " (last status " + lastStatus + ") because " + stopping
              + " is stopping; the job is still tracked", null, false, false);
        this.jobId = jobId;
    }

    public String getJobId() {
        return jobId;
    }
}
