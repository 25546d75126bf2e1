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
 * A job ended in {@code failed} (or an AI app did not finish with {@code SUCCEEDED}).
 */
public class NclueJobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String jobId;
    private final String failMessage;

    public NclueJobFailedException(String kind, String jobId, String status, String failMessage) {
        super(kind + " " + jobId + " ended " + status + (failMessage != null ? ": " + failMessage : ""));
        this.kind = kind;
        this.jobId = jobId;
        this.failMessage = failMessage;
    }

    /** The resource kind: {@code features}, {@code tasks}, {@code taskRuns} or {@code aiApps}. */
    public String getKind() {
        return kind;
    }

    public String getJobId() {
        return jobId;
    }

    /** NCLUE's {@code fail_message}, e.g. {@code NOT_EXIST_FILE}; see the troubleshooting table in the README. */
    public String getFailMessage() {
        return failMessage;
    }
}
