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
 * What a create or submit with {@code dryRun=true} would send, after every validation and signing, without sending it:
 * the request exactly as it would go on the wire (no credentials), and whether the component would adopt an existing
 * job of that name instead of creating one.
 *
 * @param operation the API operation, e.g. {@code tasks.create}
 * @param method    the HTTP method
 * @param url       the full URL, with the query string
 * @param body      the JSON body exactly as it would be sent, or null
 * @param adoptedId the job that would be adopted instead of sending the request (the ledger knows a job of that name),
 *                  or null when the request would be sent
 */
public record DryRunRequest(String operation, String method, String url, String body, String adoptedId) {

    /** True when a real create would adopt {@link #adoptedId()} and send nothing. */
    public boolean wouldAdopt() {
        return adoptedId != null;
    }
}
