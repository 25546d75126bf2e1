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
 * {@code /api/v1/features} (nclue-postfeature, nclue-getfeature, ...).
 */
final class FeatureResource extends NclueApiResource<FeatureJob> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String featureId, String featureName, String createdAt, String sourceBucket, String sourceFilePath) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String featureId, String featureName, String status, String createdAt, String completedAt,
                  String sourceBucket, String sourceFilePath, Long userCount, Long tokenCount, Long diskUsage,
                  String failMessage) {
    }

    private final FeatureEvaluator evaluator;

    FeatureResource(NclueContext ctx, FeatureEvaluator evaluator) {
        super(ctx, FeatureJob.class);
        this.evaluator = evaluator;
    }

    @Override
    String path() {
        return "features";
    }

    @Override
    String listField() {
        return "features";
    }

    @Override
    String idField() {
        return "feature_id";
    }

    @Override
    JobKind kind() {
        return JobKind.FEATURE;
    }

    @Override
    List<String> requiredFields() {
        return List.of("name", "source_bucket", "source_file_path");
    }

    @Override
    List<PathField> pathFields() {
        return List.of(new PathField("source_file_path", NclueError.INVALID_PATH_CHARACTER));
    }

    @Override
    FeatureJob build(String id, Map<String, String> fields) {
        return new FeatureJob(id, fields.get("name"), ctx.clock().now(), fields.get("source_bucket"),
                fields.get("source_file_path"));
    }

    @Override
    Object createView(FeatureJob job) {
        return new Created(job.id(), job.name(), job.createdAtText(), job.sourceBucket(), job.sourceFilePath());
    }

    @Override
    Object detailView(FeatureJob job) {
        return new Detail(job.id(), job.name(), job.status().value(), job.createdAtText(), job.completedAtText(),
                job.sourceBucket(), job.sourceFilePath(), job.userCount(), job.tokenCount(), job.diskUsage(),
                job.failMessage());
    }

    @Override
    Outcome work(FeatureJob job) {
        return evaluator.evaluate(job);
    }
}
