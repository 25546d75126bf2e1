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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.S3Clients;
import io.github.camelnclue.emulator.StatusChange;
import io.github.camelnclue.emulator.http.SignatureV2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import static io.github.camelnclue.emulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NCLUE v1 over HTTP, as a client sees it. Quota off here (QuotaTest covers it) to keep the run short.
 */
class NclueApiTest {

    private static final Duration STEP = Duration.ofMillis(150);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> TERMINAL = Set.of("completed", "failed");

    private static NclueEmulator emu;
    private static ApiClient api;
    private static DemoData.Seeded demo;
    private static String featureId;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().statusStep(STEP).quotaPerSecond(0).build().start();
        api = ApiClient.of(emu);
        demo = DemoData.seed(emu);
        featureId = api.post("/api/v1/features", json("name", "demo-users", "source_bucket", demo.bucket(),
                "source_file_path", demo.featureKey())).text("feature_id");
        api.await("/api/v1/features/" + featureId, "status", TERMINAL, WAIT);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void missingAuthHeadersGetTheGatewayBody() {
        ApiClient.Response r = api.unsigned("GET", "/api/v1/tasks", null);
        assertEquals(401, r.status());
        assertEquals("{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\","
                     + "\"details\":\"Authentication information are missing.\"}}", r.body());
        assertTrue(r.raw().headers().firstValue("x-ncp-trace-id").isPresent());
    }

    @Test
    void wronglySignedRequestIsRejectedWithoutEffect() {
        long unauthorized = emu.stats().unauthorized();
        String ts = String.valueOf(System.currentTimeMillis());
        String body = json("name", "never-created", "source_bucket", "b", "source_file_path", "x.tsv");
        // signed without the /api/v1 prefix
        ApiClient.Response r = api.sendWithHeaders("POST", "/api/v1/features", body, ts, emu.accessKey(),
                SignatureV2.sign("POST", "/features", ts, emu.accessKey(), emu.secretKey()));
        assertEquals(401, r.status());
        assertEquals("Invalid authentication information.", r.json().path("error").path("details").asText());
        assertEquals(unauthorized + 1, emu.stats().unauthorized());
        assertEquals(0, names(api.get("/api/v1/features?limit=100").json().path("features"))
                .stream().filter("never-created"::equals).count());

        ApiClient.Response stale = api.sendWithHeaders("GET", "/api/v1/features", null, "1700000000000",
                emu.accessKey(), SignatureV2.sign("GET", "/api/v1/features", "1700000000000", emu.accessKey(),
                        emu.secretKey()));
        assertEquals(401, stale.status(), "timestamp more than 5 minutes off");
    }

    @Test
    void forbiddenPathCharactersAreRejectedPerField() {
        assertError(api.post("/api/v1/features", json("name", "f-bad-path", "source_bucket", "b",
                "source_file_path", "dir/a b.tsv")), 422, 10103, "INVALID_PATH_CHARACTER");
        assertError(api.post("/api/v1/features", json("name", "f-bad-path2", "source_bucket", "b",
                "source_file_path", "dir/한글.tsv")), 422, 10103, "INVALID_PATH_CHARACTER");
        assertError(api.post("/api/v1/tasks", json("name", "t-bad-train", "train_feature_id", featureId,
                "train_bucket", "b", "train_file_path", "labels/x=1.tsv")), 422, 10104, "INVALID_CHARACTER_IN_TRAIN_PATH");
        assertError(api.post("/api/v1/tasks", json("name", "t-bad-test", "train_feature_id", featureId,
                "train_bucket", "b", "train_file_path", "labels/ok.tsv", "test_feature_id", featureId,
                "test_bucket", "b", "test_file_path", "labels/#test.tsv")), 422, 10105, "INVALID_CHARACTER_IN_TEST_PATH");
        assertError(api.post("/api/v1/task-runs", json("name", "r-bad", "task_id", "00000000-0000-0000-0000-000000000000",
                "feature_id", featureId, "result_bucket", "b", "result_file_path", "out/*.tsv")), 422, 10103,
                "INVALID_PATH_CHARACTER");
    }

    @Test
    void nameLengthDuplicatesAndRequiredFields() {
        String name100 = "n".repeat(100);
        assertEquals(200, api.post("/api/v1/features", json("name", name100, "source_bucket", "b",
                "source_file_path", "missing.tsv")).status());
        assertError(api.post("/api/v1/features", json("name", "n".repeat(101), "source_bucket", "b",
                "source_file_path", "missing.tsv")), 422, 10101, "NAME_TOO_LONG");
        assertError(api.post("/api/v1/features", json("name", name100, "source_bucket", "b",
                "source_file_path", "other.tsv")), 409, 10102, "DUPLICATE_NAME");
        ApiClient.Response missing = api.post("/api/v1/features", json("name", "no-bucket",
                "source_file_path", "x.tsv"));
        assertError(missing, 400, 400, "INVALID_PARAMETER");
        assertTrue(missing.json().path("details").asText().contains("source_bucket"));
        assertError(api.post("/api/v1/features", "{not json"), 400, 400, "INVALID_PARAMETER");
        // the name check comes before the path check
        assertError(api.post("/api/v1/features", json("name", "n".repeat(101), "source_bucket", "b",
                "source_file_path", "a b")), 422, 10101, "NAME_TOO_LONG");
    }

    @Test
    void unknownIdsAre404() {
        assertError(api.get("/api/v1/tasks/00000000-0000-0000-0000-000000000000"), 404, 404, "NOT_FOUND");
        assertError(api.get("/api/v1/features/bad%20id"), 404, 404, "NOT_FOUND");
        assertError(api.delete("/api/v1/task-runs/nope"), 404, 404, "NOT_FOUND");
        ApiClient.Response task = api.post("/api/v1/tasks", json("name", "t-unknown-feature",
                "train_feature_id", "11111111-1111-1111-1111-111111111111", "train_bucket", "b",
                "train_file_path", "l.tsv"));
        assertError(task, 404, 404, "NOT_FOUND");
        assertTrue(task.json().path("details").asText().contains("train_feature_id"));
    }

    @Test
    void listIsNewestFirstAndValidatesPaging() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.post("/api/v1/features", json("name", "list-" + i, "source_bucket", "b",
                    "source_file_path", "none.tsv")).text("feature_id"));
        }
        JsonNode page = api.get("/api/v1/features?index=0&limit=2").json();
        assertEquals(0, page.path("index").asInt());
        assertEquals(2, page.path("limit").asInt());
        assertTrue(page.path("total").asInt() >= 4);
        assertEquals(created.get(2), page.path("features").get(0).path("feature_id").asText());
        assertEquals(created.get(1), page.path("features").get(1).path("feature_id").asText());
        assertEquals(created.get(0), api.get("/api/v1/features?index=2&limit=1").json()
                .path("features").get(0).path("feature_id").asText());
        assertEquals(20, api.get("/api/v1/features").json().path("limit").asInt());
        assertError(api.get("/api/v1/features?limit=0"), 400, 400, "INVALID_PARAMETER");
        assertError(api.get("/api/v1/features?limit=101"), 400, 400, "INVALID_PARAMETER");
        assertError(api.get("/api/v1/features?index=x"), 400, 400, "INVALID_PARAMETER");
    }

    @Test
    void chainCompletesAndWritesTheResultUnderTheDocumentedName() throws Exception {
        JsonNode feature = api.get("/api/v1/features/" + featureId).json();
        assertEquals("completed", feature.path("status").asText());
        assertEquals(DemoData.USERS, feature.path("user_count").asInt());
        assertTrue(feature.path("token_count").asLong() > DemoData.USERS);
        assertTrue(feature.path("completed_at").asText().endsWith("+09:00"));

        ApiClient.Response createdTask = api.post("/api/v1/tasks", json("name", "chain-task", "train_feature_id",
                featureId, "train_bucket", demo.bucket(), "train_file_path", demo.trainLabelKey(), "test_feature_id",
                featureId, "test_bucket", demo.bucket(), "test_file_path", demo.testLabelKey()));
        assertEquals(200, createdTask.status(), createdTask.body());
        assertEquals(List.of("task_id", "task_name", "created_at", "train_feature_id", "train_feature_name",
                "train_bucket", "train_file_path", "test_feature_id", "test_feature_name", "test_bucket",
                "test_file_path"), fieldNames(createdTask.json()));
        assertTrue(createdTask.text("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00"));
        String taskId = createdTask.text("task_id");
        JsonNode task = api.await("/api/v1/tasks/" + taskId, "status", TERMINAL, WAIT);
        assertEquals("completed", task.path("status").asText(), task.toString());
        assertTrue(task.path("AUROC").isTextual());
        double auroc = Double.parseDouble(task.path("AUROC").asText());
        assertTrue(auroc > 0.5 && auroc < 1, "AUROC " + auroc);
        assertEquals(demo.trainLabels() + demo.testLabels(), task.path("line_count").asInt());
        assertTrue(task.path("disk_usage").asLong() > 0);
        assertTrue(task.path("fail_message").isNull());

        String dirRun = createRun("chain-run-dir", taskId, demo.bucket(), "results/");
        String fileRun = createRun("chain-run-file", taskId, demo.bucket(), "out/pred");
        JsonNode run = api.await("/api/v1/task-runs/" + dirRun, "status", TERMINAL, WAIT);
        assertEquals("completed", run.path("status").asText(), run.toString());
        String key = run.path("result_file_path").asText();
        assertTrue(key.matches("results/nclue_[a-z0-9]{8}_\\d{10}\\.tsv"), key);
        assertEquals(DemoData.USERS, run.path("line_count").asInt());

        JsonNode run2 = api.await("/api/v1/task-runs/" + fileRun, "status", TERMINAL, WAIT);
        assertTrue(run2.path("result_file_path").asText().matches("out/pred_[a-z0-9]{8}_\\d{10}\\.tsv"),
                run2.toString());

        List<String> lines = new ArrayList<>();
        try (S3Client s3 = S3Clients.of(emu);
             ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(demo.bucket()).key(key));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        assertEquals(DemoData.USERS, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.matches("user\\d{5}\t(0\\.\\d{6}|1\\.000000)")), lines.get(0));

        List<StatusChange> history = emu.statusHistory(dirRun);
        assertEquals(List.of("registered", "pending", "in_progress", "completed"),
                history.stream().map(StatusChange::status).toList());
        for (int i = 1; i < history.size(); i++) {
            Duration spent = Duration.between(history.get(i - 1).at(), history.get(i).at());
            assertTrue(spent.compareTo(STEP.minusMillis(5)) >= 0, "step " + i + " took " + spent);
        }
        assertTrue(emu.stats().created(JobKind.TASK_RUN) >= 2);
        assertTrue(emu.stats().requests("GET /api/v1/task-runs/{id}") >= 2);
    }

    @Test
    void missingLabelFileFailsTheTask() {
        String taskId = api.post("/api/v1/tasks", json("name", "no-labels", "train_feature_id", featureId,
                "train_bucket", demo.bucket(), "train_file_path", "labels/absent.tsv")).text("task_id");
        JsonNode task = api.await("/api/v1/tasks/" + taskId, "status", TERMINAL, WAIT);
        assertEquals("failed", task.path("status").asText());
        assertEquals("NOT_EXIST_FILE", task.path("fail_message").asText());
        assertNotNull(task.path("completed_at").asText(null));
        assertTrue(task.path("AUROC").isNull());
    }

    @Test
    void tooFewLabelsAndBadLabelsFail() {
        emu.objectStorage().putObject(demo.bucket(), "labels/few.tsv", DemoData.labels(1, 150));
        emu.objectStorage().putObject(demo.bucket(), "labels/bad.tsv", "user00001\t2\n");
        String few = api.post("/api/v1/tasks", json("name", "few-labels", "train_feature_id", featureId,
                "train_bucket", demo.bucket(), "train_file_path", "labels/few.tsv")).text("task_id");
        String bad = api.post("/api/v1/tasks", json("name", "bad-labels", "train_feature_id", featureId,
                "train_bucket", demo.bucket(), "train_file_path", "labels/bad.tsv")).text("task_id");
        assertEquals("NUM_OF_LABEL_INSUFFICIENT",
                api.await("/api/v1/tasks/" + few, "status", TERMINAL, WAIT).path("fail_message").asText());
        assertEquals("UNEXPECTED_LABEL",
                api.await("/api/v1/tasks/" + bad, "status", TERMINAL, WAIT).path("fail_message").asText());
    }

    @Test
    void deleteRulesFollowTheStatus() {
        // registered: deleting cancels the job
        String cancelled = api.post("/api/v1/features", json("name", "to-cancel", "source_bucket", demo.bucket(),
                "source_file_path", demo.featureKey())).text("feature_id");
        ApiClient.Response deleted = api.delete("/api/v1/features/" + cancelled);
        assertEquals(200, deleted.status());
        assertEquals("{\"feature_id\":\"" + cancelled + "\"}", deleted.body());
        assertError(api.get("/api/v1/features/" + cancelled), 404, 404, "NOT_FOUND");

        // in_progress: not deletable
        String busy = api.post("/api/v1/features", json("name", "busy", "source_bucket", demo.bucket(),
                "source_file_path", demo.featureKey())).text("feature_id");
        api.await("/api/v1/features/" + busy, "status", Set.of("in_progress"), WAIT);
        assertError(api.delete("/api/v1/features/" + busy), 409, 409, "INVALID_STATUS");
        api.await("/api/v1/features/" + busy, "status", TERMINAL, WAIT);
        assertEquals(200, api.delete("/api/v1/features/" + busy).status());

        assertEquals(List.of("registered", "deleted"),
                emu.statusHistory(cancelled).stream().map(StatusChange::status).toList());
    }

    @Test
    void taskInUseByAnActiveRunIsNotDeletable() {
        String taskId = api.post("/api/v1/tasks", json("name", "used-task", "train_feature_id", featureId,
                "train_bucket", demo.bucket(), "train_file_path", demo.trainLabelKey())).text("task_id");
        api.await("/api/v1/tasks/" + taskId, "status", TERMINAL, WAIT);
        String runId = createRun("uses-task", taskId, "no-such-bucket", "r/");
        ApiClient.Response r = api.delete("/api/v1/tasks/" + taskId);
        assertError(r, 409, 409, "INVALID_STATUS");
        assertTrue(r.json().path("details").asText().contains(runId));

        JsonNode run = api.await("/api/v1/task-runs/" + runId, "status", TERMINAL, WAIT);
        assertEquals("OBS_UPLOAD_FAILED", run.path("fail_message").asText());
        assertEquals(200, api.delete("/api/v1/tasks/" + taskId).status());
    }

    @Test
    void unknownRoutesGetTheGateway404() {
        ApiClient.Response r = api.get("/api/v1/profiles");
        assertEquals(404, r.status());
        assertEquals("300", r.json().path("error").path("errorCode").asText());
    }

    private static String createRun(String name, String taskId, String bucket, String path) {
        ApiClient.Response r = api.post("/api/v1/task-runs", json("name", name, "task_id", taskId, "feature_id",
                featureId, "result_bucket", bucket, "result_file_path", path));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("run_id", "run_name", "task_id", "task_name", "feature_id", "feature_name", "created_at",
                "result_bucket", "result_file_path"), fieldNames(r.json()));
        assertEquals(path, r.text("result_file_path"));
        return r.text("run_id");
    }

    static void assertError(ApiClient.Response r, int status, int code, String message) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.json().path("code").asInt(), r.body());
        assertEquals(message, r.json().path("message").asText(), r.body());
        assertTrue(!r.json().path("details").asText().isBlank(), r.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> names(JsonNode features) {
        List<String> names = new ArrayList<>();
        features.forEach(f -> names.add(f.path("feature_name").asText()));
        return names;
    }
}
