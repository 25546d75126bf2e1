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
package io.github.camelnclue.emulator.nclue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelnclue.emulator.JobKind;

/**
 * {@code /api/v1/task-runs} (nclue-posttaskrun, nclue-gettaskrun, ...).
 */
final class TaskRunResource extends NclueApiResource<TaskRunJob> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String runId, String runName, String taskId, String taskName, String featureId, String featureName,
                   String createdAt, String resultBucket, String resultFilePath) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String runId, String runName, String taskId, String taskName, String featureId, String featureName,
                  String status, String createdAt, String completedAt, String resultBucket, String resultFilePath,
                  Long lineCount, String failMessage) {
    }

    private final TaskRunExecutor executor;

    TaskRunResource(NclueContext ctx, TaskRunExecutor executor) {
        super(ctx, TaskRunJob.class);
        this.executor = executor;
    }

    @Override
    String path() {
        return "task-runs";
    }

    @Override
    String listField() {
        return "runs";
    }

    @Override
    String idField() {
        return "run_id";
    }

    @Override
    JobKind kind() {
        return JobKind.TASK_RUN;
    }

    @Override
    List<String> requiredFields() {
        return List.of("name", "task_id", "feature_id", "result_bucket", "result_file_path");
    }

    @Override
    List<PathField> pathFields() {
        return List.of(new PathField("result_file_path", NclueError.INVALID_PATH_CHARACTER));
    }

    @Override
    TaskRunJob build(String id, Map<String, String> fields) {
        TaskJob task = reference(TaskJob.class, JobKind.TASK, "task_id", fields.get("task_id"));
        FeatureJob feature = reference(FeatureJob.class, JobKind.FEATURE, "feature_id", fields.get("feature_id"));
        return new TaskRunJob(id, fields.get("name"), ctx.clock().now(), task.id(), task.name(), feature.id(),
                feature.name(), fields.get("result_bucket"), fields.get("result_file_path"));
    }

    @Override
    Object createView(TaskRunJob job) {
        return new Created(job.id(), job.name(), job.taskId(), job.taskName(), job.featureId(), job.featureName(),
                job.createdAtText(), job.resultBucket(), job.resultFilePath());
    }

    @Override
    Object detailView(TaskRunJob job) {
        return new Detail(job.id(), job.name(), job.taskId(), job.taskName(), job.featureId(), job.featureName(),
                job.status().value(), job.createdAtText(), job.completedAtText(), job.resultBucket(),
                job.resultFilePath(), job.lineCount(), job.failMessage());
    }

    @Override
    Outcome work(TaskRunJob job) {
        return executor.execute(job);
    }
}
