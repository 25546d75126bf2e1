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
 * An NCLUE task model: the create, get, list and delete replies of {@code /api/v1/tasks}. {@code auroc} is the model's
 * AUROC (0–1) once completed; the API sends it as a string, this record holds it as a number so routes can compare it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("task_name") String taskName,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("train_feature_id") String trainFeatureId,
        @JsonProperty("train_feature_name") String trainFeatureName,
        @JsonProperty("train_bucket") String trainBucket,
        @JsonProperty("train_file_path") String trainFilePath,
        @JsonProperty("test_feature_id") String testFeatureId,
        @JsonProperty("test_feature_name") String testFeatureName,
        @JsonProperty("test_bucket") String testBucket,
        @JsonProperty("test_file_path") String testFilePath,
        @JsonProperty("AUROC") Double auroc,
        @JsonProperty("line_count") Long lineCount,
        @JsonProperty("disk_usage") Long diskUsage,
        @JsonProperty("fail_message") String failMessage)
        implements NclueJob {

    @Override
    public String id() {
        return taskId;
    }

    @Override
    public String name() {
        return taskName;
    }
}
