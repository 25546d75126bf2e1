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

/**
 * What a waiting operation (waitForCompletion) does with the job when its wait times out.
 */
public enum NclueWaitTimeoutPolicy {
    /** Leave the job running and tracked: a consumer still sees it end. */
    detach,
    /**
     * Delete the job if NCLUE allows it (status registered; a pending or in_progress job cannot be deleted and is left
     * running and tracked); kill an AI app.
     */
    cancel
}
