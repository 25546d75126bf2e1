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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An NCLUE shopping-intent profile of a task's users: the create, get, list and delete replies of
 * {@code /api/v1/profile/shopping-intents}. Its result is not in Object Storage but downloaded from NCLUE
 * ({@code /api/v1/profile/shopping-intents-download/{profile_id}}, a {@code {profile_id}.tsv} file).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShoppingIntent(
        @JsonProperty("profile_id") String profileId,
        @JsonProperty("profile_name") String profileName,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("task_name") String taskName,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("line_count") Long lineCount,
        @JsonProperty("disk_usage") Long diskUsage,
        @JsonProperty("fail_message") String failMessage)
        implements NclueJob {

    @Override
    public String id() {
        return profileId;
    }

    @Override
    public String name() {
        return profileName;
    }
}
