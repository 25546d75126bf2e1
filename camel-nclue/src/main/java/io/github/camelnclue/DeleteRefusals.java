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
package io.github.camelnclue;

import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.JobKind;

/**
 * Says why NCLUE refused to delete a task. NCLUE does not delete a task while it is pending or in_progress, nor while
 * a task run or shopping intent that uses it is registered, pending or in_progress; its reply does not say which (the
 * error codes after 10106 are not documented), so the component's error names every case.
 */
final class DeleteRefusals {

    private DeleteRefusals() {
    }

    /** {@code failure} with a message that explains a refused task delete; any other failure as it is. */
    static Throwable explain(JobKind kind, String id, Throwable failure) {
        if (kind != JobKind.TASKS || !(failure instanceof NclueApiException api) || !isRefusal(api)) {
            return failure;
        }
        NclueApiException explained = new NclueApiException(kind + ".delete", api.getHttpResponseCode(),
                api.getApiCode(), api.getApiMessage(),
                "task " + id + " is in use: NCLUE does not delete a task while a shopping intent or task run that uses"
                                                       + " it is registered, pending or in_progress, nor while the task itself is pending or"
                                                       + " in_progress; delete that shopping intent or task run, or wait until it ends."
                                                       + " NCLUE said: " + api.getMessage(),
                api.getTraceId());
        explained.initCause(api);
        return explained;
    }

    /** A 4xx that is not about the caller (401, 403), a missing task (404) or the quota (429). */
    private static boolean isRefusal(NclueApiException api) {
        int status = api.getHttpResponseCode();
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 && status != 429;
    }
}
