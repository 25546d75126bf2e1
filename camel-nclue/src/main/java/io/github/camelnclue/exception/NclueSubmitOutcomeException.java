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

import java.util.List;

/**
 * A DataForest AI app submit whose outcome is unknown (no reply, a 5xx or a timeout after the request was sent) could
 * not be resolved safely: several AI apps of that name prefix started since the attempt, or the apps could not be
 * listed. Nothing was resent, so no second app was started; check the apps in the console (or list them) and kill the
 * extra ones, or submit again under a new idempotency key.
 */
public class NclueSubmitOutcomeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String namePrefix;
    private final List<String> candidateIds;

    public NclueSubmitOutcomeException(String message, String namePrefix, List<String> candidateIds, Throwable cause) {
        super(message, cause);
        this.namePrefix = namePrefix;
        this.candidateIds = List.copyOf(candidateIds);
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    /** The ids of the AI apps that may be the one submitted (empty when they could not be listed). */
    public List<String> getCandidateIds() {
        return candidateIds;
    }
}
