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
package io.github.camelnclue.client;

/**
 * Told of the outcome of every API call attempt, so metrics can count them without the client knowing about them.
 */
@FunctionalInterface
public interface ApiCallListener {

    ApiCallListener NONE = (operation, outcome) -> {
    };

    /**
     * @param operation e.g. {@code tasks.create}
     * @param outcome   {@code success}, {@code retried}, {@code throttled} (a 429 to be retried) or {@code failure}
     */
    void onOutcome(String operation, String outcome);
}
