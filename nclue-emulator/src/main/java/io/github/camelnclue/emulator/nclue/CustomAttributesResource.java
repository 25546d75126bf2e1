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
 * {@code /api/v1/profile/custom-attributes}: create, get, list and delete custom attributes profiles. The
 * {@code keyword_set} is checked with the other 400s, before the name ({@link KeywordSet}); replies list the
 * keywords separated by {@code ,}.
 */
final class CustomAttributesResource extends NclueApiResource<CustomAttributesJob> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String profileId, String profileName, String featureId, String featureName, String keywordSet,
                   String createdAt, String resultBucket, String resultFilePath) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String profileId, String profileName, String featureId, String featureName, String keywordSet,
                  String status, String createdAt, String completedAt, String resultBucket, String resultFilePath,
                  Long lineCount, String failMessage) {
    }

    private final CustomAttributesExecutor executor;

    CustomAttributesResource(NclueContext ctx, CustomAttributesExecutor executor) {
        super(ctx, CustomAttributesJob.class);
        this.executor = executor;
    }

    @Override
    String path() {
        return "profile/custom-attributes";
    }

    @Override
    String listField() {
        return "profiles";
    }

    @Override
    String idField() {
        return "profile_id";
    }

    @Override
    String singular() {
        return "custom attributes profile";
    }

    @Override
    JobKind kind() {
        return JobKind.CUSTOM_ATTRIBUTES;
    }

    @Override
    List<String> requiredFields() {
        return List.of("name", "feature_id", "keyword_set", "result_bucket", "result_file_path");
    }

    @Override
    List<PathField> pathFields() {
        return List.of(new PathField("result_file_path", NclueError.INVALID_PATH_CHARACTER));
    }

    @Override
    void validateCombination(Map<String, String> fields) {
        KeywordSet.parse(fields.get("keyword_set"));
    }

    @Override
    CustomAttributesJob build(String id, Map<String, String> fields) {
        FeatureJob feature = reference(FeatureJob.class, JobKind.FEATURE, "feature_id", fields.get("feature_id"));
        return new CustomAttributesJob(id, fields.get("name"), ctx.clock().now(), feature.id(), feature.name(),
                KeywordSet.parse(fields.get("keyword_set")), fields.get("result_bucket"),
                fields.get("result_file_path"));
    }

    @Override
    Object createView(CustomAttributesJob job) {
        return new Created(job.id(), job.name(), job.featureId(), job.featureName(), KeywordSet.reply(job.keywords()),
                job.createdAtText(), job.resultBucket(), job.resultFilePath());
    }

    @Override
    Object detailView(CustomAttributesJob job) {
        return new Detail(job.id(), job.name(), job.featureId(), job.featureName(), KeywordSet.reply(job.keywords()),
                job.status().value(), job.createdAtText(), job.completedAtText(), job.resultBucket(),
                job.resultFilePath(), job.lineCount(), job.failMessage());
    }

    @Override
    Outcome work(CustomAttributesJob job) {
        return executor.execute(job);
    }
}
