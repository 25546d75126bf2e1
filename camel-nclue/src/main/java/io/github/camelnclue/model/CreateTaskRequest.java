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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/tasks}: train a task model from a label file; the test fields are optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTaskRequest(
        @JsonProperty("name") String name,
        @JsonProperty("train_feature_id") String trainFeatureId,
        @JsonProperty("train_bucket") String trainBucket,
        @JsonProperty("train_file_path") String trainFilePath,
        @JsonProperty("test_feature_id") String testFeatureId,
        @JsonProperty("test_bucket") String testBucket,
        @JsonProperty("test_file_path") String testFilePath) implements CreateRequest {
}
