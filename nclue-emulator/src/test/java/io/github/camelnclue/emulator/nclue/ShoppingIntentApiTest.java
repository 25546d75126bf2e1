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

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.S3Clients;
import io.github.camelnclue.emulator.StatusChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static io.github.camelnclue.emulator.ApiClient.json;
import static io.github.camelnclue.emulator.nclue.CustomAttributesApiTest.fieldNames;
import static io.github.camelnclue.emulator.nclue.NclueApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shopping intents profiles over HTTP: validation, lifecycle, the download, delete rules and the task they protect.
 */
class ShoppingIntentApiTest {

    private static final String PATH = "/api/v1/profile/shopping-intents";
    private static final String DOWNLOAD = "/api/v1/profile/shopping-intents-download/";
    private static final Duration STEP = Duration.ofMillis(150);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> TERMINAL = Set.of("completed", "failed");

    private static NclueEmulator emu;
    private static ApiClient api;
    private static DemoData.Seeded demo;
    private static String featureId;
    private static String taskId;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().statusStep(STEP).quotaPerSecond(0).build().start();
        api = ApiClient.of(emu);
        demo = DemoData.seed(emu);
        featureId = completed("/api/v1/features", "feature_id", json("name", "demo-users", "source_bucket",
                demo.bucket(), "source_file_path", demo.featureKey()));
        taskId = completedTask("demo-task", featureId);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void completesAndDownloadsAsProfileIdTsv() throws Exception {
        ApiClient.Response created = create("intents", taskId);
        assertEquals(200, created.status(), created.body());
        assertEquals(List.of("profile_id", "profile_name", "task_id", "task_name", "created_at"),
                fieldNames(created.json()));
        assertEquals("demo-task", created.text("task_name"));
        String id = created.text("profile_id");

        JsonNode done = api.await(PATH + "/" + id, "status", TERMINAL, WAIT);
        assertEquals(List.of("profile_id", "profile_name", "task_id", "task_name", "status", "created_at",
                "completed_at", "line_count", "disk_usage", "fail_message"), fieldNames(done));
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(DemoData.USERS, done.path("line_count").asInt());
        assertTrue(done.path("fail_message").isNull());
        assertEquals(List.of("registered", "pending", "in_progress", "completed"),
                emu.statusHistory(id).stream().map(StatusChange::status).toList());

        HttpResponse<InputStream> download = api.download(DOWNLOAD + id);
        assertEquals(200, download.statusCode());
        assertEquals("attachment; filename=\"" + id + ".tsv\"",
                download.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals(done.path("disk_usage").asLong(),
                download.headers().firstValueAsLong("Content-Length").orElse(-1));
        byte[] body = readAll(download);
        assertEquals(done.path("disk_usage").asLong(), body.length);
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        assertEquals(DemoData.USERS, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("user\\d{5}\t(0\\.\\d{6}|1\\.000000)"), line);
        }
        assertArrayEquals(body, readAll(api.download(DOWNLOAD + id)), "the same file every time");
        assertTrue(emu.stats().requests("GET /api/v1/profile/shopping-intents-download/{id}") >= 2);
        assertTrue(emu.stats().created(JobKind.SHOPPING_INTENT) >= 1);
        // NCLUE keeps the file itself: nothing is written to the user's Object Storage
        assertTrue(emu.objectStorage().listKeys(demo.bucket(), "").stream().noneMatch(k -> k.contains(id)));
    }

    @Test
    void downloadNeedsACompletedProfile() {
        String id = create("not-yet", taskId).text("profile_id");
        ApiClient.Response early = api.get(DOWNLOAD + id);
        assertError(early, 409, 409, "INVALID_STATUS");
        assertTrue(early.json().path("details").asText().contains("registered"), early.body());
        assertError(api.get(DOWNLOAD + "00000000-0000-0000-0000-000000000000"), 404, 404, "NOT_FOUND");
        assertError(api.get(DOWNLOAD + "bad%20id"), 404, 404, "NOT_FOUND");
        ApiClient.Response unsigned = api.unsigned("GET", DOWNLOAD + id, null);
        assertEquals(401, unsigned.status());
        assertEquals("200", unsigned.json().path("error").path("errorCode").asText());
        api.await(PATH + "/" + id, "status", TERMINAL, WAIT);
    }

    @Test
    void aTaskCannotBeDeletedWhileAShoppingIntentUsesIt() throws Exception {
        String task = completedTask("guarded-task", featureId);
        // long enough steps that each status is still current when the delete arrives
        emu.setStatusStep(Duration.ofMillis(600));
        String intent;
        try {
            intent = create("uses-guarded-task", task).text("profile_id");
            for (String status : List.of("registered", "pending", "in_progress")) {
                api.await(PATH + "/" + intent, "status", Set.of(status), WAIT);
                ApiClient.Response refused = api.delete("/api/v1/tasks/" + task);
                assertError(refused, 409, 409, "INVALID_STATUS");
                assertTrue(refused.json().path("details").asText().contains(intent), refused.body());
            }
        } finally {
            emu.setStatusStep(STEP);
        }
        assertEquals("completed", api.await(PATH + "/" + intent, "status", TERMINAL, WAIT).path("status").asText());
        assertEquals(200, api.delete("/api/v1/tasks/" + task).status());
        // the profile and its file outlive the task
        assertEquals(200, api.get(PATH + "/" + intent).status());
        assertEquals(200, downloadStatus(DOWNLOAD + intent));
    }

    @Test
    void createValidatesInTheDocumentedOrder() {
        ApiClient.Response missing = api.post(PATH, json("name", "no-task"));
        assertError(missing, 400, 400, "INVALID_PARAMETER");
        assertTrue(missing.json().path("details").asText().contains("task_id"));
        assertError(api.post(PATH, json("name", "numeric-task", "task_id", 42)), 400, 400, "INVALID_PARAMETER");
        assertError(create("n".repeat(101), taskId), 422, 10101, "NAME_TOO_LONG");
        assertEquals(200, create("n".repeat(100), taskId).status());
        ApiClient.Response unknown = create("unknown-task", "22222222-2222-2222-2222-222222222222");
        assertError(unknown, 404, 404, "NOT_FOUND");
        assertTrue(unknown.json().path("details").asText().contains("task_id"));

        assertEquals(200, create("intent-taken", taskId).status());
        assertError(create("intent-taken", taskId), 409, 10102, "DUPLICATE_NAME");
        // unique per resource: a custom attributes profile may have the same name
        assertEquals(200, api.post("/api/v1/profile/custom-attributes", json("name", "intent-taken", "feature_id",
                featureId, "keyword_set", "pet", "result_bucket", demo.bucket(), "result_file_path", "r/")).status());
    }

    @Test
    void missingInputsEndWithTheDocumentedFailMessage() {
        String failedTask = api.post("/api/v1/tasks", json("name", "labels-missing", "train_feature_id", featureId,
                "train_bucket", demo.bucket(), "train_file_path", "labels/absent.tsv")).text("task_id");
        String onFailed = create("on-failed-task", failedTask).text("profile_id");
        assertEquals("NOT_EXIST_FILE", api.await("/api/v1/tasks/" + failedTask, "status", TERMINAL, WAIT)
                .path("fail_message").asText());
        JsonNode failed = api.await(PATH + "/" + onFailed, "status", TERMINAL, WAIT);
        assertEquals("failed", failed.path("status").asText());
        assertEquals("COMMON_ERROR", failed.path("fail_message").asText());
        assertTrue(failed.path("line_count").isNull());
        assertError(api.get(DOWNLOAD + onFailed), 409, 409, "INVALID_STATUS");

        emu.objectStorage().putObject(demo.bucket(), "features/vanishing.tsv",
                emu.objectStorage().readString(demo.bucket(), demo.featureKey()));
        String vanishing = completed("/api/v1/features", "feature_id", json("name", "vanishing", "source_bucket",
                demo.bucket(), "source_file_path", "features/vanishing.tsv"));
        String task = completedTask("on-vanishing", vanishing);
        try (S3Client s3 = S3Clients.of(emu)) {
            s3.deleteObject(b -> b.bucket(demo.bucket()).key("features/vanishing.tsv"));
        }
        String gone = create("source-gone", task).text("profile_id");
        assertEquals("NOT_EXIST_FILE", api.await(PATH + "/" + gone, "status", TERMINAL, WAIT)
                .path("fail_message").asText());
    }

    @Test
    void deleteFollowsTheStatusAndRemovesTheFile() throws Exception {
        String cancelled = create("to-cancel", taskId).text("profile_id");
        assertEquals("{\"profile_id\":\"" + cancelled + "\"}", api.delete(PATH + "/" + cancelled).body());
        assertEquals(List.of("registered", "deleted"),
                emu.statusHistory(cancelled).stream().map(StatusChange::status).toList());

        String busy = create("busy", taskId).text("profile_id");
        api.await(PATH + "/" + busy, "status", Set.of("in_progress"), WAIT);
        assertError(api.delete(PATH + "/" + busy), 409, 409, "INVALID_STATUS");
        api.await(PATH + "/" + busy, "status", TERMINAL, WAIT);
        assertEquals(200, downloadStatus(DOWNLOAD + busy));
        assertEquals(200, api.delete(PATH + "/" + busy).status());
        assertError(api.get(DOWNLOAD + busy), 404, 404, "NOT_FOUND");
        assertError(api.get(PATH + "/" + busy), 404, 404, "NOT_FOUND");
    }

    @Test
    void aDownloadUnderWayReadsToItsEndWhenTheProfileIsDeleted() throws Exception {
        // large enough that the server is still writing when the delete arrives
        emu.setResultRows(2_000_000);
        String id;
        try {
            id = create("deleted-while-downloading", taskId).text("profile_id");
            api.await(PATH + "/" + id, "status", TERMINAL, WAIT);
        } finally {
            emu.setResultRows(-1);
        }
        long size = api.get(PATH + "/" + id).json().path("disk_usage").asLong();
        HttpResponse<InputStream> download = api.download(DOWNLOAD + id);
        try (InputStream in = download.body()) {
            byte[] first = in.readNBytes(1024);
            assertEquals(1024, first.length);
            assertEquals(200, api.delete(PATH + "/" + id).status());
            assertError(api.get(DOWNLOAD + id), 404, 404, "NOT_FOUND");
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            in.transferTo(rest);
            assertEquals(size, first.length + rest.size());
        }
    }

    @Test
    void listIsNewestFirstWithPaging() {
        String older = create("page-old", taskId).text("profile_id");
        String newer = create("page-new", taskId).text("profile_id");
        JsonNode page = api.get(PATH + "?index=0&limit=2").json();
        assertEquals(2, page.path("limit").asInt());
        assertEquals(newer, page.path("profiles").get(0).path("profile_id").asText());
        assertEquals(older, page.path("profiles").get(1).path("profile_id").asText());
        assertTrue(page.path("total").asInt() >= 2);
        assertError(api.get(PATH + "?limit=0"), 400, 400, "INVALID_PARAMETER");
    }

    private static ApiClient.Response create(String name, String task) {
        return api.post(PATH, json("name", name, "task_id", task));
    }

    private static String completedTask(String name, String feature) {
        return completed("/api/v1/tasks", "task_id", json("name", name, "train_feature_id", feature,
                "train_bucket", demo.bucket(), "train_file_path", demo.trainLabelKey()));
    }

    private static String completed(String path, String idField, String body) {
        ApiClient.Response created = api.post(path, body);
        assertEquals(200, created.status(), created.body());
        JsonNode job = api.await(path + "/" + created.text(idField), "status", TERMINAL, WAIT);
        assertEquals("completed", job.path("status").asText(), job.toString());
        return created.text(idField);
    }

    private static int downloadStatus(String path) throws Exception {
        HttpResponse<InputStream> response = api.download(path);
        readAll(response);
        return response.statusCode();
    }

    private static byte[] readAll(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
