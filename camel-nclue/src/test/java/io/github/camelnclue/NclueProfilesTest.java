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
package io.github.camelnclue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.CreateShoppingIntentRequest;
import io.github.camelnclue.model.CustomAttributes;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.ShoppingIntent;
import io.github.camelnclue.tracking.AccountScope;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile API: custom attributes (result in Object Storage) and shopping intents (result downloaded). */
class NclueProfilesTest extends NclueTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE_ID = "c0ffee00-1111-2222-3333-444455556666";
    private static final String TASK_ID = "f5aebc0c-1111-2222-3333-b201bc64b1c9";
    private static final String FEATURE_ID = "79eb85b5-8ec5-4e1a-8617-64a1977c8062";
    private static final String CUSTOM = """
            {"profile_id":"%s","profile_name":"runners","feature_id":"%s","feature_name":"users",
             "keyword_set":"running,marathon","status":"%s","created_at":"2026-11-03T15:02:24",
             "result_bucket":"bkt","result_file_path":"%s","line_count":3,"fail_message":%s}""";
    private static final String INTENT = """
            {"profile_id":"%s","profile_name":"intents","task_id":"%s","task_name":"petfood","status":"%s",
             "created_at":"2026-11-03T15:02:24","line_count":3,"disk_usage":1024,"fail_message":%s}""";
    private static final String TSV = "u1\tshopping\t0.91\nu2\tsports\t0.42\nu3\tbooks\t0.07\n";

    @TempDir
    Path directory;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return ResultReading.route();
    }

    @Test
    void createsCustomAttributesFromOptionsAndHeaders() throws Exception {
        API.on("POST", "/api/v1/profile/custom-attributes", 200,
                custom("registered", "profiles/runners.tsv", null));

        Exchange exchange = template.request("nclue:customAttributes?operation=create&name=runners&resultBucket=bkt"
                                             + "&resultFilePath=profiles/runners.tsv", e -> {
                                                 e.getMessage().setHeader(NclueConstants.FEATURE_ID, FEATURE_ID);
                                                 e.getMessage().setHeader(NclueConstants.KEYWORD_SET,
                                                         "running\nmarathon");
                                             });

        assertEquals(List.of("POST /api/v1/profile/custom-attributes"), sent());
        assertTrue(API.requests().get(0).signatureValid());
        assertJson("""
                {"name":"runners","feature_id":"%s","keyword_set":"running\\nmarathon","result_bucket":"bkt",
                 "result_file_path":"profiles/runners.tsv"}""".formatted(FEATURE_ID), API.requests().get(0).body());
        CustomAttributes profile = assertInstanceOf(CustomAttributes.class, exchange.getMessage().getBody());
        assertEquals(PROFILE_ID, profile.id());
        assertEquals(PROFILE_ID, exchange.getMessage().getHeader(NclueConstants.PROFILE_ID));
        assertEquals("runners", exchange.getMessage().getHeader(NclueConstants.JOB_NAME));
        assertEquals(FEATURE_ID, exchange.getMessage().getHeader(NclueConstants.FEATURE_ID));
        String scope = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
        assertEquals(PROFILE_ID, component().runtime().tracker().ledger()
                .findByName(scope, JobKind.CUSTOM_ATTRIBUTES, "runners").orElseThrow().id(), "tracked in the ledger");
    }

    @Test
    void customAttributesAreValidatedBeforeSending() {
        String tooLong = "keyword\n".repeat(125) + "x";
        Exchange exchange = template.request("nclue:customAttributes?operation=create", e -> e.getMessage().setBody(
                Map.of("name", "runners", "feature_id", FEATURE_ID, "keyword_set", tooLong, "result_bucket", "bkt",
                        "result_file_path", "profiles/runners.tsv")));
        NclueValidationException keywords = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(keywords.getMessage().contains("keyword_set"), keywords.getMessage());
        assertTrue(keywords.getMessage().contains("1001"), keywords.getMessage());

        Exchange badPath = template.request("nclue:customAttributes?operation=create", e -> e.getMessage().setBody(
                Map.of("name", "runners", "feature_id", FEATURE_ID, "keyword_set", "running", "result_bucket", "bkt",
                        "result_file_path", "profiles/run ners.tsv")));
        NclueValidationException path = assertInstanceOf(NclueValidationException.class, badPath.getException());
        assertTrue(path.getMessage().contains("result_file_path") && path.getMessage().contains("a space"),
                path.getMessage());

        Exchange noTask = template.request("nclue:shoppingIntents?operation=create&name=intents", e -> {
        });
        assertTrue(assertInstanceOf(NclueValidationException.class, noTask.getException()).getMessage()
                .contains("task_id"));
        assertEquals(List.of(), sent(), "nothing sent");
    }

    @Test
    void exactlyOneThousandKeywordCharactersAreAccepted() {
        API.on("POST", "/api/v1/profile/custom-attributes", 200, custom("registered", "p/", null));
        String keywords = "k".repeat(999) + "\u00e9";

        template.requestBody("nclue:customAttributes?operation=create&name=max&featureId=" + FEATURE_ID
                             + "&resultBucket=bkt&resultFilePath=p/",
                Map.of("keyword_set", keywords));

        assertEquals(List.of("POST /api/v1/profile/custom-attributes"), sent());
    }

    @Test
    void customAttributesGetListDelete() throws Exception {
        String profile = custom("completed", "profiles/runners.tsv_ab12cd34_2026110315.tsv", null);
        API.on("GET", "/api/v1/profile/custom-attributes/" + PROFILE_ID, 200, profile)
                .on("GET", "/api/v1/profile/custom-attributes?index=0&limit=20", 200,
                        "{\"index\":0,\"limit\":20,\"total\":1,\"profiles\":[" + profile + "]}")
                .on("DELETE", "/api/v1/profile/custom-attributes/" + PROFILE_ID, 200,
                        "{\"profile_id\":\"" + PROFILE_ID + "\"}");

        CustomAttributes got = template.requestBodyAndHeader("nclue:customAttributes?operation=get", null,
                NclueConstants.PROFILE_ID, PROFILE_ID, CustomAttributes.class);
        JobPage<?> page = template.requestBody("nclue:customAttributes?operation=list", null, JobPage.class);
        CustomAttributes deleted = template.requestBody(
                "nclue:customAttributes?operation=delete&profileId=" + PROFILE_ID, null, CustomAttributes.class);

        assertEquals(3L, got.lineCount());
        assertEquals("running,marathon", got.keywordSet());
        assertEquals(PROFILE_ID, assertInstanceOf(CustomAttributes.class, page.items().get(0)).profileId());
        assertEquals(PROFILE_ID, deleted.profileId());
        assertEquals(List.of("GET /api/v1/profile/custom-attributes/" + PROFILE_ID,
                "GET /api/v1/profile/custom-attributes?index=0&limit=20",
                "DELETE /api/v1/profile/custom-attributes/" + PROFILE_ID), sent());
    }

    @Test
    void customAttributesResultIsFoundByTheNamingRuleAndStreamedAsRows() throws Exception {
        // the reply still names the requested path: the object is found by NCLUE's naming rule
        API.on("GET", "/api/v1/profile/custom-attributes/" + PROFILE_ID, 200,
                custom("completed", "profiles/runners.tsv", null));
        context.getRegistry().bind("fakeS3", new FakeS3Client()
                .put("bkt", "profiles/runners.tsv_ab12cd34_2026110315.tsv", TSV)
                .put("bkt", "profiles/runners.tsv_other.txt", "not a result"));

        Exchange exchange = ResultReading.read(template, "nclue:customAttributes?operation=getResult&s3Client=#fakeS3",
                e -> e.getMessage().setHeader(NclueConstants.PROFILE_ID, PROFILE_ID));

        assertEquals(null, exchange.getException());
        assertEquals("profiles/runners.tsv_ab12cd34_2026110315.tsv",
                exchange.getMessage().getHeader(NclueConstants.S3_KEY));
        assertEquals("bkt", exchange.getMessage().getHeader(NclueConstants.S3_BUCKET_NAME));
        assertEquals((long) TSV.length(), exchange.getMessage().getHeader(NclueConstants.RESULT_SIZE));
        assertEquals(List.of(List.of("u1", "shopping", "0.91"), List.of("u2", "sports", "0.42"),
                List.of("u3", "books", "0.07")), drain(exchange.getMessage().getBody(Iterator.class)));
    }

    @Test
    void customAttributesResultOfAFailedProfileRaisesItsFailMessage() {
        API.on("GET", "/api/v1/profile/custom-attributes/" + PROFILE_ID, 200,
                custom("failed", "profiles/runners.tsv", "\"NOT_EXIST_FILE\""));

        Exchange exchange = template.request("nclue:customAttributes?operation=getResult&profileId=" + PROFILE_ID,
                e -> {
                });

        NclueJobFailedException failed = assertInstanceOf(NclueJobFailedException.class, exchange.getException());
        assertEquals("customAttributes", failed.getKind());
        assertEquals("NOT_EXIST_FILE", failed.getFailMessage());
    }

    @Test
    void createsShoppingIntentFromRecordAndChainsTheTaskId() throws Exception {
        API.on("POST", "/api/v1/profile/shopping-intents", 200, """
                {"profile_id":"%s","profile_name":"intents","task_id":"%s","task_name":"petfood",
                 "created_at":"2026-11-03T15:02:24"}""".formatted(PROFILE_ID, TASK_ID));

        Exchange exchange = template.request("nclue:shoppingIntents?operation=create",
                e -> e.getMessage().setBody(new CreateShoppingIntentRequest("intents", TASK_ID)));

        assertJson("{\"name\":\"intents\",\"task_id\":\"" + TASK_ID + "\"}", API.requests().get(0).body());
        assertEquals(PROFILE_ID, exchange.getMessage().getHeader(NclueConstants.PROFILE_ID));
        assertEquals(TASK_ID, exchange.getMessage().getHeader(NclueConstants.TASK_ID));
        assertEquals("petfood", exchange.getMessage().getBody(ShoppingIntent.class).taskName());
    }

    @Test
    void aRepeatedShoppingIntentCreateAdoptsItsJobByName() {
        API.on("POST", "/api/v1/profile/shopping-intents", 200, intent("registered", null))
                .on("GET", "/api/v1/profile/shopping-intents/" + PROFILE_ID, 200, intent("pending", null));
        String uri = "nclue:shoppingIntents?operation=create&name=intents&taskId=" + TASK_ID;

        template.requestBody(uri, (Object) null);
        ShoppingIntent again = template.requestBody(uri, null, ShoppingIntent.class);

        assertEquals(PROFILE_ID, again.profileId());
        assertEquals("pending", again.status());
        assertEquals(List.of("POST /api/v1/profile/shopping-intents",
                "GET /api/v1/profile/shopping-intents/" + PROFILE_ID), sent(), "one create, then adopted");
    }

    @Test
    void shoppingIntentGetListDelete() throws Exception {
        API.on("GET", "/api/v1/profile/shopping-intents/" + PROFILE_ID, 200, intent("in_progress", null))
                .on("GET", "/api/v1/profile/shopping-intents?index=0&limit=20", 200,
                        "{\"index\":0,\"limit\":20,\"total\":1,\"profiles\":[" + intent("completed", null) + "]}")
                .on("DELETE", "/api/v1/profile/shopping-intents/" + PROFILE_ID, 200,
                        "{\"profile_id\":\"" + PROFILE_ID + "\"}");

        Exchange got = template.request("nclue:shoppingIntents?operation=get&profileId=" + PROFILE_ID, e -> {
        });
        JobPage<?> page = template.requestBody("nclue:shoppingIntents?operation=list", null, JobPage.class);
        ShoppingIntent deleted = template.requestBodyAndHeader("nclue:shoppingIntents?operation=delete", null,
                NclueConstants.PROFILE_ID, PROFILE_ID, ShoppingIntent.class);

        assertEquals("in_progress", got.getMessage().getHeader(NclueConstants.STATUS));
        assertEquals(1024L, got.getMessage().getBody(ShoppingIntent.class).diskUsage());
        assertEquals("completed", assertInstanceOf(ShoppingIntent.class, page.items().get(0)).status());
        assertEquals(PROFILE_ID, deleted.profileId());
        assertEquals(List.of("GET /api/v1/profile/shopping-intents/" + PROFILE_ID,
                "GET /api/v1/profile/shopping-intents?index=0&limit=20",
                "DELETE /api/v1/profile/shopping-intents/" + PROFILE_ID), sent());
    }

    @Test
    void downloadStreamsTheIntentAsRowsLinesAStreamOrAFile() throws Exception {
        API.on("GET", "/api/v1/profile/shopping-intents/" + PROFILE_ID, 200, intent("completed", null))
                .on("GET", "/api/v1/profile/shopping-intents-download/" + PROFILE_ID,
                        new ApiServer.Reply(200, TSV, Map.of("content-disposition",
                                "attachment; filename=" + PROFILE_ID + ".tsv")));
        String uri = "nclue:shoppingIntents?operation=download&profileId=" + PROFILE_ID;

        Exchange rows = ResultReading.read(template, uri, e -> {
        });
        List<Object> rowList = drain(rows.getMessage().getBody(Iterator.class));
        Exchange lines = ResultReading.read(template, uri + "&resultFormat=lines&resultBatchSize=2", e -> {
        });
        List<Object> batches = drain(lines.getMessage().getBody(Iterator.class));
        Exchange stream = ResultReading.read(template, uri + "&resultFormat=stream", e -> {
        });
        String streamed = stream.getMessage().getBody(String.class);
        Exchange file = template.request(uri + "&resultFormat=file&resultDirectory=" + directory, e -> {
        });

        assertEquals(List.of("u1", "shopping", "0.91"), rowList.get(0));
        assertEquals(3, rowList.size());
        assertEquals(List.of(List.of("u1\tshopping\t0.91", "u2\tsports\t0.42"), List.of("u3\tbooks\t0.07")),
                batches);
        assertEquals(TSV, streamed);
        File saved = file.getMessage().getBody(File.class);
        assertEquals(directory.resolve(PROFILE_ID + ".tsv").toFile(), saved);
        assertEquals(TSV, Files.readString(saved.toPath()));
        assertFalse(Files.exists(directory.resolve(PROFILE_ID + ".tsv.part")), "the part file was moved into place");
        assertEquals(PROFILE_ID, file.getMessage().getHeader(NclueConstants.PROFILE_ID));
        assertEquals("completed", file.getMessage().getHeader(NclueConstants.STATUS));
        assertTrue(API.requests().stream().allMatch(ApiServer.Recorded::signatureValid), "every request signed");
        assertEquals(8, API.requests().size(), "a get and a download per exchange");
    }

    @Test
    void downloadOfAnUnfinishedOrFailedIntentSendsNoDownload() {
        API.on("GET", "/api/v1/profile/shopping-intents/p1", 200,
                        INTENT.formatted("p1", TASK_ID, "in_progress", "null"))
                .on("GET", "/api/v1/profile/shopping-intents/p2", 200,
                        INTENT.formatted("p2", TASK_ID, "failed", "\"NUM_OF_LABEL_INSUFFICIENT\""));

        Exchange running = template.request("nclue:shoppingIntents?operation=download&profileId=p1", e -> {
        });
        Exchange failed = template.request("nclue:shoppingIntents?operation=download&profileId=p2", e -> {
        });

        IllegalStateException notYet = assertInstanceOf(IllegalStateException.class, running.getException());
        assertTrue(notYet.getMessage().contains("shoppingIntents p1 is in_progress"), notYet.getMessage());
        assertEquals("NUM_OF_LABEL_INSUFFICIENT",
                assertInstanceOf(NclueJobFailedException.class, failed.getException()).getFailMessage());
        assertEquals(List.of("GET /api/v1/profile/shopping-intents/p1", "GET /api/v1/profile/shopping-intents/p2"),
                sent());
    }

    @Test
    void aDownloadErrorIsAnApiError() {
        API.on("GET", "/api/v1/profile/shopping-intents/" + PROFILE_ID, 200, intent("completed", null))
                .on("GET", "/api/v1/profile/shopping-intents-download/" + PROFILE_ID, 404,
                        "{\"code\":10106,\"message\":\"PATH_NOT_FOUND\"}");

        Exchange exchange = template.request("nclue:shoppingIntents?operation=download&profileId=" + PROFILE_ID,
                e -> {
                });

        NclueApiException error = assertInstanceOf(NclueApiException.class, exchange.getException());
        assertEquals(404, error.getHttpResponseCode());
        assertEquals("PATH_NOT_FOUND", error.getApiMessage());
    }

    @Test
    void waitingForAShoppingIntentRaisesItsFailMessage() {
        API.on("POST", "/api/v1/profile/shopping-intents", 200, intent("registered", null))
                .on("GET", "/api/v1/profile/shopping-intents?index=0&limit=100", 200,
                        "{\"index\":0,\"limit\":100,\"total\":1,\"profiles\":["
                                                                                   + intent("failed", "\"COMMON_ERROR\"") + "]}");

        Exchange exchange = template.request("nclue:shoppingIntents?operation=create&name=intents&taskId=" + TASK_ID
                                             + "&waitForCompletion=true&waitTimeout=10s", e -> {
                                             });

        NclueJobFailedException failed = assertInstanceOf(NclueJobFailedException.class, exchange.getException());
        assertEquals("shoppingIntents", failed.getKind());
        assertEquals(PROFILE_ID, failed.getJobId());
        assertEquals("COMMON_ERROR", failed.getFailMessage());
    }

    @Test
    void aTaskInUseByAShoppingIntentCannotBeDeletedAndTheErrorSaysSo() {
        API.on("DELETE", "/api/v1/tasks/" + TASK_ID, 409, "{\"code\":10107,\"message\":\"TASK_IN_USE\"}");

        Exchange exchange = template.request("nclue:tasks?operation=delete&taskId=" + TASK_ID, e -> {
        });

        NclueApiException error = assertInstanceOf(NclueApiException.class, exchange.getException());
        assertEquals(409, error.getHttpResponseCode());
        assertEquals("10107", error.getApiCode());
        assertTrue(error.getMessage().contains("task " + TASK_ID + " is in use")
                   && error.getMessage().contains("shopping intent"), error.getMessage());
        assertInstanceOf(NclueApiException.class, error.getCause(), "the API's own error is the cause");
    }

    @Test
    void aMissingTaskOnDeleteIsNotExplainedAsInUse() {
        Exchange exchange = template.request("nclue:tasks?operation=delete&taskId=gone", e -> {
        });

        NclueApiException error = assertInstanceOf(NclueApiException.class, exchange.getException());
        assertEquals(404, error.getHttpResponseCode());
        assertFalse(error.getMessage().contains("in use"), error.getMessage());
    }

    private NclueComponent component() {
        return context.getComponent("nclue", NclueComponent.class);
    }

    private static String custom(String status, String resultFilePath, String failMessage) {
        return CUSTOM.formatted(PROFILE_ID, FEATURE_ID, status, resultFilePath, failMessage);
    }

    private static String intent(String status, String failMessage) {
        return INTENT.formatted(PROFILE_ID, TASK_ID, status, failMessage);
    }

    private static List<Object> drain(Iterator<?> iterator) {
        List<Object> all = new ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }

    private static List<String> sent() {
        return API.requests().stream().map(r -> r.method() + " " + r.pathWithQuery()).toList();
    }

    private static void assertJson(String expected, String actual) throws Exception {
        JsonNode expectedTree = JSON.readTree(expected);
        assertEquals(expectedTree, JSON.readTree(actual));
    }
}
