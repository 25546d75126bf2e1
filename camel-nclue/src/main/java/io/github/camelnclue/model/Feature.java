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
 * An NCLUE feature: the create, get, list and delete replies of {@code /api/v1/features} (fields a reply does not carry
 * are null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feature(
        @JsonProperty("feature_id") String featureId,
        @JsonProperty("feature_name") String featureName,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("source_bucket") String sourceBucket,
        @JsonProperty("source_file_path") String sourceFilePath,
        @JsonProperty("user_count") Long userCount,
        @JsonProperty("token_count") Long tokenCount,
        @JsonProperty("disk_usage") Long diskUsage,
        @JsonProperty("fail_message") String failMessage)
        implements NclueJob {

    @Override
    public String id() {
        return featureId;
    }

    @Override
    public String name() {
        return featureName;
    }
}
