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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of an NCLUE list reply ({@code features}, {@code tasks}, {@code runs} or {@code profiles}), newest first.
 *
 * @param <J> the job record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobPage<J extends NclueJob>(
        @JsonProperty("index") int index,
        @JsonProperty("limit") int limit,
        @JsonProperty("total") int total,
        @JsonProperty("items") @JsonAlias({ "features", "tasks", "runs", "profiles" }) List<J> items) {

    public JobPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
