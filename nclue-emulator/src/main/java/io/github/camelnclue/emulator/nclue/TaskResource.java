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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelnclue.emulator.JobKind;

/**
 * {@code /api/v1/tasks} (nclue-posttask, nclue-gettask, ...). The test set is optional but all-or-nothing: the docs
 * do not say what a test file without a test feature would mean, so any of the three alone is a 400.
 */
final class TaskResource extends NclueApiResource<TaskJob> {

    private static final List<String> TEST_FIELDS = List.of("test_feature_id", "test_bucket", "test_file_path");

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String taskId, String taskName, String createdAt, String trainFeatureId, String trainFeatureName,
                   String trainBucket, String trainFilePath, String testFeatureId, String testFeatureName,
                   String testBucket, String testFilePath) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String taskId, String taskName, String status, String createdAt, String completedAt,
                  String trainFeatureId, String trainFeatureName, String trainBucket, String trainFilePath,
                  String testFeatureId, String testFeatureName, String testBucket, String testFilePath,
                  @JsonProperty("AUROC") String auroc, Long lineCount, Long diskUsage, String failMessage) {
    }

    private final TaskEvaluator evaluator;

    TaskResource(NclueContext ctx, TaskEvaluator evaluator) {
        super(ctx, TaskJob.class);
        this.evaluator = evaluator;
    }

    @Override
    String path() {
        return "tasks";
    }

    @Override
    String listField() {
        return "tasks";
    }

    @Override
    String idField() {
        return "task_id";
    }

    @Override
    JobKind kind() {
        return JobKind.TASK;
    }

    @Override
    List<String> requiredFields() {
        return List.of("name", "train_feature_id", "train_bucket", "train_file_path");
    }

    @Override
    List<String> optionalFields() {
        return TEST_FIELDS;
    }

    @Override
    List<PathField> pathFields() {
        return List.of(new PathField("train_file_path", NclueError.INVALID_CHARACTER_IN_TRAIN_PATH),
                new PathField("test_file_path", NclueError.INVALID_CHARACTER_IN_TEST_PATH));
    }

    @Override
    void validateCombination(Map<String, String> fields) {
        long given = TEST_FIELDS.stream().filter(fields::containsKey).count();
        if (given > 0 && given < TEST_FIELDS.size()) {
            String missing = String.join(", ", TEST_FIELDS.stream().filter(f -> !fields.containsKey(f)).toList());
            throw NclueError.INVALID_PARAMETER.exception(missing + " is required when a test set is given");
        }
    }

    @Override
    TaskJob build(String id, Map<String, String> fields) {
        FeatureJob trainFeature = reference(FeatureJob.class, JobKind.FEATURE, "train_feature_id",
                fields.get("train_feature_id"));
        TaskJob.LabelSet train = new TaskJob.LabelSet(trainFeature.id(), trainFeature.name(), fields.get("train_bucket"),
                fields.get("train_file_path"));
        TaskJob.LabelSet test = null;
        if (fields.containsKey("test_feature_id")) {
            FeatureJob testFeature = reference(FeatureJob.class, JobKind.FEATURE, "test_feature_id",
                    fields.get("test_feature_id"));
            test = new TaskJob.LabelSet(testFeature.id(), testFeature.name(), fields.get("test_bucket"),
                    fields.get("test_file_path"));
        }
        return new TaskJob(id, fields.get("name"), ctx.clock().now(), train, test);
    }

    @Override
    Object createView(TaskJob job) {
        TaskJob.LabelSet train = job.train();
        TaskJob.LabelSet test = job.test();
        return new Created(job.id(), job.name(), job.createdAtText(), train.featureId(), train.featureName(),
                train.bucket(), train.filePath(), test == null ? null : test.featureId(),
                test == null ? null : test.featureName(), test == null ? null : test.bucket(),
                test == null ? null : test.filePath());
    }

    @Override
    Object detailView(TaskJob job) {
        TaskJob.LabelSet train = job.train();
        TaskJob.LabelSet test = job.test();
        return new Detail(job.id(), job.name(), job.status().value(), job.createdAtText(), job.completedAtText(),
                train.featureId(), train.featureName(), train.bucket(), train.filePath(),
                test == null ? null : test.featureId(), test == null ? null : test.featureName(),
                test == null ? null : test.bucket(), test == null ? null : test.filePath(),
                job.auroc(), job.lineCount(), job.diskUsage(), job.failMessage());
    }

    @Override
    void checkNotInUse(TaskJob job) {
        for (EmulatedJob run : ctx.store().all(JobKind.TASK_RUN)) {
            if (((TaskRunJob) run).taskId().equals(job.id()) && run.status().isActive()) {
                throw NclueError.INVALID_STATUS.exception("task " + job.id() + " is used by task run " + run.id()
                                                          + " which is " + run.status().value());
            }
        }
        for (EmulatedJob intent : ctx.store().all(JobKind.SHOPPING_INTENT)) {
            if (((ShoppingIntentJob) intent).taskId().equals(job.id()) && intent.status().isActive()) {
                throw NclueError.INVALID_STATUS.exception("task " + job.id() + " is used by shopping intent "
                                                          + intent.id() + " which is " + intent.status().value());
            }
        }
    }

    @Override
    Outcome work(TaskJob job) {
        return evaluator.evaluate(job);
    }
}
