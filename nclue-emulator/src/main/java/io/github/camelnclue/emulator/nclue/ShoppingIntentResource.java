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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.http.ApiRequest;
import io.github.camelnclue.emulator.http.ApiResponse;
import io.github.camelnclue.emulator.http.FileDownload;
import io.github.camelnclue.emulator.http.Router;

/**
 * {@code /api/v1/profile/shopping-intents}: create, get, list and delete shopping intents profiles, and
 * {@code GET /api/v1/profile/shopping-intents-download/{profile_id}}, the completed profile's {@code {profile_id}.tsv}
 * streamed from NCLUE's own storage. A download before the profile completed (or after it failed) is
 * {@code 409 INVALID_STATUS}: there is no file to send.
 */
final class ShoppingIntentResource extends NclueApiResource<ShoppingIntentJob> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Created(String profileId, String profileName, String taskId, String taskName, String createdAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String profileId, String profileName, String taskId, String taskName, String status,
                  String createdAt, String completedAt, Long lineCount, Long diskUsage, String failMessage) {
    }

    private final ShoppingIntentExecutor executor;
    private final DownloadStore downloads;

    ShoppingIntentResource(NclueContext ctx, ShoppingIntentExecutor executor, DownloadStore downloads) {
        super(ctx, ShoppingIntentJob.class);
        this.executor = executor;
        this.downloads = downloads;
    }

    @Override
    void register(Router router) {
        super.register(router);
        router.add("GET", "/api/v1/profile/shopping-intents-download/{id}", this::download);
    }

    @Override
    String path() {
        return "profile/shopping-intents";
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
        return "shopping intent";
    }

    @Override
    JobKind kind() {
        return JobKind.SHOPPING_INTENT;
    }

    @Override
    List<String> requiredFields() {
        return List.of("name", "task_id");
    }

    @Override
    List<PathField> pathFields() {
        return List.of();
    }

    @Override
    ShoppingIntentJob build(String id, Map<String, String> fields) {
        TaskJob task = reference(TaskJob.class, JobKind.TASK, "task_id", fields.get("task_id"));
        return new ShoppingIntentJob(id, fields.get("name"), ctx.clock().now(), task.id(), task.name());
    }

    @Override
    Object createView(ShoppingIntentJob job) {
        return new Created(job.id(), job.name(), job.taskId(), job.taskName(), job.createdAtText());
    }

    @Override
    Object detailView(ShoppingIntentJob job) {
        return new Detail(job.id(), job.name(), job.taskId(), job.taskName(), job.status().value(),
                job.createdAtText(), job.completedAtText(), job.lineCount(), job.diskUsage(), job.failMessage());
    }

    @Override
    void removed(ShoppingIntentJob job) {
        downloads.delete(job.id());
    }

    @Override
    Outcome work(ShoppingIntentJob job) {
        return executor.execute(job);
    }

    private ApiResponse download(ApiRequest request) {
        String id = request.pathParam("id");
        // under the store lock, so a delete cannot remove the file between the status check and the open; once
        // open, the file can be read to the end even if the profile is deleted meanwhile
        return ctx.store().atomically(() -> {
            ShoppingIntentJob job = require(id);
            if (job.status() != EmulatedJobStatus.COMPLETED) {
                throw NclueError.INVALID_STATUS.exception(singular() + " " + id + " is " + job.status().value()
                                                          + "; only a completed one can be downloaded");
            }
            Path file = downloads.fileOf(id);
            try {
                long length = Files.size(file);
                InputStream content = Files.newInputStream(file);
                return ApiResponse.ok(new FileDownload(content, length, id + ".tsv"));
            } catch (IOException e) {
                throw new IllegalStateException("the file of completed shopping intent " + id + " is unreadable", e);
            }
        });
    }
}
