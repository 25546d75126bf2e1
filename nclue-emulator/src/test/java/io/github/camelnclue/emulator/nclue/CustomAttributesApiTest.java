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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import static io.github.camelnclue.emulator.ApiClient.json;
import static io.github.camelnclue.emulator.nclue.NclueApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Custom attributes profiles over HTTP: validation, lifecycle, the result in Object Storage and delete rules.
 */
class CustomAttributesApiTest {

    private static final String PATH = "/api/v1/profile/custom-attributes";
    private static final Duration STEP = Duration.ofMillis(150);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> TERMINAL = Set.of("completed", "failed");
    private static final String SCORE = "(0\\.\\d{6}|1\\.000000)";

    private static NclueEmulator emu;
    private static ApiClient api;
    private static DemoData.Seeded demo;
    private static String featureId;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().statusStep(STEP).quotaPerSecond(0).build().start();
        api = ApiClient.of(emu);
        demo = DemoData.seed(emu);
        featureId = completedFeature("demo-users", demo.featureKey());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void completesAndWritesOneRowPerUserWithAScorePerKeyword() throws Exception {
        ApiClient.Response created = create("attrs-dir", featureId, DemoData.KEYWORD_SET, demo.bucket(),
                DemoData.PROFILE_RESULT_PREFIX);
        assertEquals(200, created.status(), created.body());
        assertEquals(List.of("profile_id", "profile_name", "feature_id", "feature_name", "keyword_set", "created_at",
                "result_bucket", "result_file_path"), fieldNames(created.json()));
        assertEquals("attrs-dir", created.text("profile_name"));
        assertEquals("demo-users", created.text("feature_name"));
        assertEquals("pet,food,travel", created.text("keyword_set"));
        assertEquals(DemoData.PROFILE_RESULT_PREFIX, created.text("result_file_path"));
        assertTrue(created.text("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00"));
        String id = created.text("profile_id");

        JsonNode registered = api.get(PATH + "/" + id).json();
        assertEquals(List.of("profile_id", "profile_name", "feature_id", "feature_name", "keyword_set", "status",
                "created_at", "completed_at", "result_bucket", "result_file_path", "line_count", "fail_message"),
                fieldNames(registered));
        assertEquals(DemoData.PROFILE_RESULT_PREFIX, registered.path("result_file_path").asText());
        assertTrue(registered.path("completed_at").isNull());

        JsonNode done = api.await(PATH + "/" + id, "status", TERMINAL, WAIT);
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertTrue(done.path("fail_message").isNull());
        assertTrue(done.path("completed_at").asText().endsWith("+09:00"));
        assertEquals(DemoData.USERS, done.path("line_count").asInt());
        String key = done.path("result_file_path").asText();
        assertTrue(key.matches("profiles/nclue_[a-z0-9]{8}_\\d{10}\\.tsv"), key);

        List<String> lines = read(key);
        assertEquals(DemoData.USERS, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.matches("user\\d{5}\t" + SCORE + "\t" + SCORE + "\t" + SCORE)),
                lines.get(0));
        assertEquals(List.of("registered", "pending", "in_progress", "completed"),
                emu.statusHistory(id).stream().map(StatusChange::status).toList());
        assertTrue(emu.stats().created(JobKind.CUSTOM_ATTRIBUTES) >= 1);
    }

    @Test
    void aFilePathGetsTheRandomAndHourSuffixAndScoresDependOnKeywordAndUserOnly() throws Exception {
        String a = create("attrs-file", featureId, "pet\nfood", demo.bucket(), "out/attrs").text("profile_id");
        String b = create("attrs-file-2", featureId, " food \n pet ", demo.bucket(), "out/attrs").text("profile_id");
        JsonNode first = api.await(PATH + "/" + a, "status", TERMINAL, WAIT);
        JsonNode second = api.await(PATH + "/" + b, "status", TERMINAL, WAIT);
        assertEquals("pet,food", first.path("keyword_set").asText());
        assertEquals("food,pet", second.path("keyword_set").asText(), "keywords are trimmed");
        String keyA = first.path("result_file_path").asText();
        String keyB = second.path("result_file_path").asText();
        assertTrue(keyA.matches("out/attrs_[a-z0-9]{8}_\\d{10}\\.tsv"), keyA);
        assertFalse(keyA.equals(keyB), "each result gets its own random part");
        String[] rowA = read(keyA).get(0).split("\t");
        String[] rowB = read(keyB).get(0).split("\t");
        assertEquals(rowA[0], rowB[0]);
        assertEquals(rowA[1], rowB[2], "pet");
        assertEquals(rowA[2], rowB[1], "food");
    }

    @Test
    void keywordSetIsAtMost1000CharactersOfNonEmptyKeywords() {
        String exactly1000 = "k".repeat(495) + "\n" + "w".repeat(504);
        assertEquals(1000, exactly1000.length());
        assertEquals(200, create("kw-1000", featureId, exactly1000, demo.bucket(), "r/").status());

        ApiClient.Response tooLong = create("kw-1001", featureId, exactly1000 + "x", demo.bucket(), "r/");
        assertError(tooLong, 400, 400, "INVALID_PARAMETER");
        assertTrue(tooLong.json().path("details").asText().contains("keyword_set"), tooLong.body());
        // the limit counts characters, not UTF-8 bytes
        assertEquals(200, create("kw-korean", featureId, "러닝\n 달리기\n 마라톤", demo.bucket(), "r/")
                .status());
        assertEquals(200, create("kw-korean-1000", featureId, "가".repeat(1000), demo.bucket(), "r/").status());

        for (String bad : List.of("pet\n\nfood", "pet\nfood\n", "\npet", " \n pet")) {
            ApiClient.Response r = create("kw-bad", featureId, bad, demo.bucket(), "r/");
            assertError(r, 400, 400, "INVALID_PARAMETER");
            assertTrue(r.json().path("details").asText().contains("empty keyword"), r.body());
        }
        assertError(api.post(PATH, json("name", "kw-array", "feature_id", featureId, "keyword_set",
                List.of("pet", "food"), "result_bucket", demo.bucket(), "result_file_path", "r/")),
                400, 400, "INVALID_PARAMETER");
        assertEquals(0, namesListed().stream().filter(n -> n.startsWith("kw-bad") || n.equals("kw-1001")).count());
    }

    @Test
    void createValidatesInTheDocumentedOrderWithoutLeavingATrace() {
        long before = api.get(PATH).json().path("total").asLong();
        ApiClient.Response missing = api.post(PATH, json("name", "no-keywords", "feature_id", featureId,
                "result_bucket", demo.bucket(), "result_file_path", "r/"));
        assertError(missing, 400, 400, "INVALID_PARAMETER");
        assertTrue(missing.json().path("details").asText().contains("keyword_set"));
        assertError(api.post(PATH, "[]"), 400, 400, "INVALID_PARAMETER");
        assertError(create("n".repeat(101), featureId, "pet", demo.bucket(), "r/"), 422, 10101, "NAME_TOO_LONG");
        // the name is checked before the path
        assertError(create("n".repeat(101), featureId, "pet", demo.bucket(), "a b/"), 422, 10101, "NAME_TOO_LONG");
        for (String bad : List.of("out/a b", "out/x=1", "out/*.tsv", "out/한글", "out/#")) {
            assertError(create("bad-path", featureId, "pet", demo.bucket(), bad), 422, 10103,
                    "INVALID_PATH_CHARACTER");
        }
        ApiClient.Response unknownFeature = create("unknown-feature", "11111111-1111-1111-1111-111111111111", "pet",
                demo.bucket(), "r/");
        assertError(unknownFeature, 404, 404, "NOT_FOUND");
        assertTrue(unknownFeature.json().path("details").asText().contains("feature_id"));
        assertEquals(before, api.get(PATH).json().path("total").asLong());

        assertEquals(200, create("taken", featureId, "pet", demo.bucket(), "r/").status());
        ApiClient.Response duplicate = create("taken", featureId, "food", demo.bucket(), "other/");
        assertError(duplicate, 409, 10102, "DUPLICATE_NAME");
        // names are unique per resource: a shopping intent, a task run or a feature may have the same name
        assertEquals(200, api.post("/api/v1/features", json("name", "taken", "source_bucket", demo.bucket(),
                "source_file_path", demo.featureKey())).status());
    }

    @Test
    void missingInputsEndWithTheDocumentedFailMessage() throws Exception {
        ApiClient.Response noBucket = create("no-bucket", featureId, "pet", "no-such-bucket", "r/");
        JsonNode failed = api.await(PATH + "/" + noBucket.text("profile_id"), "status", TERMINAL, WAIT);
        assertEquals("failed", failed.path("status").asText());
        assertEquals("OBS_UPLOAD_FAILED", failed.path("fail_message").asText());
        assertTrue(failed.path("line_count").isNull());
        assertEquals("r/", failed.path("result_file_path").asText());

        emu.objectStorage().putObject(demo.bucket(), "features/vanishing.tsv",
                emu.objectStorage().readString(demo.bucket(), demo.featureKey()));
        String vanishing = completedFeature("vanishing", "features/vanishing.tsv");
        try (S3Client s3 = S3Clients.of(emu)) {
            s3.deleteObject(b -> b.bucket(demo.bucket()).key("features/vanishing.tsv"));
        }
        String gone = create("source-gone", vanishing, "pet", demo.bucket(), "r/").text("profile_id");
        assertEquals("NOT_EXIST_FILE", api.await(PATH + "/" + gone, "status", TERMINAL, WAIT)
                .path("fail_message").asText());

        String emptyFeature = api.post("/api/v1/features", json("name", "never-there", "source_bucket",
                demo.bucket(), "source_file_path", "features/absent.tsv")).text("feature_id");
        String onFailed = create("on-failed-feature", emptyFeature, "pet", demo.bucket(), "r/").text("profile_id");
        assertEquals("failed", api.await("/api/v1/features/" + emptyFeature, "status", TERMINAL, WAIT)
                .path("status").asText());
        assertEquals("COMMON_ERROR", api.await(PATH + "/" + onFailed, "status", TERMINAL, WAIT)
                .path("fail_message").asText());
    }

    @Test
    void deleteFollowsTheStatus() {
        String cancelled = create("to-cancel", featureId, "pet", demo.bucket(), "r/").text("profile_id");
        ApiClient.Response deleted = api.delete(PATH + "/" + cancelled);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("{\"profile_id\":\"" + cancelled + "\"}", deleted.body());
        assertError(api.get(PATH + "/" + cancelled), 404, 404, "NOT_FOUND");
        assertEquals(List.of("registered", "deleted"),
                emu.statusHistory(cancelled).stream().map(StatusChange::status).toList());

        String busy = create("busy", featureId, "pet", demo.bucket(), "r/").text("profile_id");
        api.await(PATH + "/" + busy, "status", Set.of("in_progress"), WAIT);
        ApiClient.Response refused = api.delete(PATH + "/" + busy);
        assertError(refused, 409, 409, "INVALID_STATUS");
        assertTrue(refused.json().path("details").asText().contains(busy));
        api.await(PATH + "/" + busy, "status", TERMINAL, WAIT);
        assertEquals(200, api.delete(PATH + "/" + busy).status());
        assertError(api.delete(PATH + "/" + busy), 404, 404, "NOT_FOUND");
        assertError(api.get(PATH + "/not%20an%20id"), 404, 404, "NOT_FOUND");
    }

    @Test
    void listIsNewestFirstWithPaging() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create("page-" + i, featureId, "pet", demo.bucket(), "r/").text("profile_id"));
        }
        JsonNode page = api.get(PATH + "?index=0&limit=2").json();
        assertEquals(0, page.path("index").asInt());
        assertEquals(2, page.path("limit").asInt());
        assertTrue(page.path("total").asInt() >= 3);
        assertEquals(created.get(2), page.path("profiles").get(0).path("profile_id").asText());
        assertEquals(created.get(1), page.path("profiles").get(1).path("profile_id").asText());
        assertEquals(created.get(0), api.get(PATH + "?index=2&limit=1").json()
                .path("profiles").get(0).path("profile_id").asText());
        assertTrue(page.path("profiles").get(0).has("status"), "list items are the detail view");
        assertEquals(20, api.get(PATH).json().path("limit").asInt());
        assertError(api.get(PATH + "?limit=101"), 400, 400, "INVALID_PARAMETER");
        assertError(api.get(PATH + "?index=-1"), 400, 400, "INVALID_PARAMETER");
    }

    private static ApiClient.Response create(String name, String feature, String keywords, String bucket,
                                             String path) {
        return api.post(PATH, json("name", name, "feature_id", feature, "keyword_set", keywords,
                "result_bucket", bucket, "result_file_path", path));
    }

    private static String completedFeature(String name, String key) {
        String id = api.post("/api/v1/features", json("name", name, "source_bucket", demo.bucket(),
                "source_file_path", key)).text("feature_id");
        JsonNode feature = api.await("/api/v1/features/" + id, "status", TERMINAL, WAIT);
        assertEquals("completed", feature.path("status").asText(), feature.toString());
        return id;
    }

    private static List<String> read(String key) throws Exception {
        List<String> lines = new ArrayList<>();
        try (S3Client s3 = S3Clients.of(emu);
             ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(demo.bucket()).key(key));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        return lines;
    }

    private static List<String> namesListed() {
        List<String> names = new ArrayList<>();
        api.get(PATH + "?limit=100").json().path("profiles").forEach(p -> names.add(p.path("profile_name").asText()));
        return names;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
