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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A DataForest AI app: the submit, getDetail, getList-item and kill replies. {@code state} is the YARN application
 * state ({@code ACCEPTED}, {@code RUNNING}, {@code FINISHED}, {@code FAILED}, {@code KILLED}, ...) and
 * {@code finalStatus} the YARN final status ({@code UNDEFINED} until the app ends, then {@code SUCCEEDED},
 * {@code FAILED} or {@code KILLED}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AiApp(
        Boolean success,
        String message,
        String id,
        String appId,
        String name,
        String accountName,
        String queueName,
        String workspaceName,
        String state,
        String finalStatus,
        String startedAt,
        String finishedAt,
        String modifiedAt,
        Long elapsedMillis,
        Boolean disabled,
        Map<String, AiAppContainer> containers)
        implements NclueJob {

    /** The YARN state, the AI app's status. */
    @Override
    public String status() {
        return state;
    }

    @Override
    public String failMessage() {
        return "FAILED".equals(state) || "KILLED".equals(state) ? "finalStatus=" + finalStatus : null;
    }

    @Override
    public boolean terminal() {
        return "FINISHED".equals(state) || "FAILED".equals(state) || "KILLED".equals(state);
    }

    @Override
    public boolean succeeded() {
        return "FINISHED".equals(state) && "SUCCEEDED".equals(finalStatus);
    }

    /** One container of an AI app; {@code logUrl} is where its logs are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AiAppContainer(
            String containerId, String component, String createdAt, String logUrl, Integer cpuCount, String dockerImage,
            Integer memoryMb, String status) {
    }
}
