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
 * An NCLUE custom-attributes profile: how similar a feature's users are to a set of keywords. The create, get, list
 * and delete replies of {@code /api/v1/profile/custom-attributes}. Like a task run, it writes a result TSV to Object
 * Storage; once completed, {@code resultFilePath} is the actual object key in {@code resultBucket}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomAttributes(
        @JsonProperty("profile_id") String profileId,
        @JsonProperty("profile_name") String profileName,
        @JsonProperty("feature_id") String featureId,
        @JsonProperty("feature_name") String featureName,
        @JsonProperty("keyword_set") String keywordSet,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("result_bucket") String resultBucket,
        @JsonProperty("result_file_path") String resultFilePath,
        @JsonProperty("line_count") Long lineCount,
        @JsonProperty("fail_message") String failMessage)
        implements ResultFileJob {

    @Override
    public String id() {
        return profileId;
    }

    @Override
    public String name() {
        return profileName;
    }
}
