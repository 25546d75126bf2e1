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
package io.github.camelnclue.emulator.http;

/**
 * What the HTTP front counts about {@code /api} requests; the emulator's stats implement it.
 */
public interface RequestStats {

    /**
     * @param route    the matched route's method and template, or {@code "METHOD (unmatched)"}
     * @param rawQuery the request's query string as sent, or null
     */
    void request(String route, String rawQuery);

    void faultInjected();

    /** A 401 reply. */
    void unauthorized();

    /**
     * The quota judged a signed {@code /api/v1} request.
     *
     * @param allowed false for a 429 reply from the quota (not an injected one)
     */
    void quotaCounted(boolean allowed);
}
