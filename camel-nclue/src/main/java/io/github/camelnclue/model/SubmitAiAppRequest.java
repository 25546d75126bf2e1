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
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of DataForest {@code POST /api/v2/aiapps/submit}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitAiAppRequest(
        String aiWorkspaceId,
        String namePrefix,
        String queueName,
        Data data,
        Docker docker,
        Resource resource) {

    /** Input and output HDFS locations of the app. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(List<Input> input, List<Output> output) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(String hdfs, String path) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String hdfs, Boolean overwrite, String path) {
    }

    /** The container to run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Docker(
            String args, String command, Map<String, String> env, List<Integer> exposeTcpPorts, String image,
            String workdir) {
    }

    /** CPU, GPU and memory the app asks for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(Integer cpuCount, Integer gpuCount, String gpuModel, Integer memoryMb) {
    }
}
