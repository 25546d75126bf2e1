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

import java.time.Duration;

import io.github.camelnclue.model.CreateFeatureRequest;
import io.github.camelnclue.model.CreateTaskRequest;
import io.github.camelnclue.model.CreateTaskRunRequest;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.model.TaskRun;

/**
 * The NCLUE v1 API: features, tasks (task models) and task runs (predictions).
 */
public final class NclueClient {

    public static final String DEFAULT_ENDPOINT = "https://nclue.apigw.ntruss.com";
    static final String API_PREFIX = "/api/v1";

    private final JobResourceClient<Feature, CreateFeatureRequest> features;
    private final JobResourceClient<Task, CreateTaskRequest> tasks;
    private final JobResourceClient<TaskRun, CreateTaskRunRequest> taskRuns;

    /**
     * @param transport a transport with the shared NCLUE rate limiter of its access key
     * @param baseUrl   scheme, host and port, e.g. {@value #DEFAULT_ENDPOINT}
     */
    public NclueClient(ApiTransport transport, String baseUrl) {
        this(transport, baseUrl, new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }

    /**
     * @param transport   a transport with the shared NCLUE rate limiter of its access key
     * @param baseUrl     scheme, host and port, e.g. {@value #DEFAULT_ENDPOINT}
     * @param retryPolicy how often and when a create that may have reached NCLUE is sent again (the transport's)
     */
    public NclueClient(ApiTransport transport, String baseUrl, RetryPolicy retryPolicy) {
        this.features = new JobResourceClient<>(transport, baseUrl, JobKind.FEATURES, "features", "feature_id",
                Feature.class, RequestValidator::validate, retryPolicy);
        this.tasks = new JobResourceClient<>(transport, baseUrl, JobKind.TASKS, "tasks", "task_id", Task.class,
                RequestValidator::validate, retryPolicy);
        this.taskRuns = new JobResourceClient<>(transport, baseUrl, JobKind.TASK_RUNS, "task-runs", "run_id",
                TaskRun.class, RequestValidator::validate, retryPolicy);
    }

    public JobResourceClient<Feature, CreateFeatureRequest> features() {
        return features;
    }

    public JobResourceClient<Task, CreateTaskRequest> tasks() {
        return tasks;
    }

    public JobResourceClient<TaskRun, CreateTaskRunRequest> taskRuns() {
        return taskRuns;
    }
}
