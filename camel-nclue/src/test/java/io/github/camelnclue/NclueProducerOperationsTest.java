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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.model.AiAppList;
import io.github.camelnclue.model.AiWorkspaceList;
import io.github.camelnclue.model.CreateTaskRunRequest;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.model.TaskRun;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NclueProducerOperationsTest extends NclueTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK_ID = "f5aebc0c-1111-2222-3333-b201bc64b1c9";
    private static final String RUN_ID = "9e6fecc9-0079-4c5e-a0c6-f387e6221afa";
    private static final String FEATURE_ID = "79eb85b5-8ec5-4e1a-8617-64a1977c8062";
    private static final String TASK_JSON = """
            {"task_id":"%s","task_name":"petfood","status":"completed","created_at":"2024-11-26T11:48:16",
             "completed_at":"2024-11-26T11:49:55","train_feature_id":"%s","train_bucket":"b","train_file_path":"p",
             "test_feature_id":null,"AUROC":"0.7681659649879657","line_count":93734,"disk_usage":42582684,
             "fail_message":null}""".formatted(TASK_ID, FEATURE_ID);
    private static final String RUN_JSON = """
            {"run_id":"%s","run_name":"predict","task_id":"%s","task_name":"petfood","feature_id":"%s",
             "feature_name":"f","status":"completed","created_at":"2024-11-03T15:02:24",
             "completed_at":"2024-11-03T15:03:08","result_bucket":"your.bucket.name",
             "result_file_path":"petfood_predict.tsv_ab12cd34_2024110315.tsv","line_count":1209478,
             "fail_message":null}""".formatted(RUN_ID, TASK_ID, FEATURE_ID);

    @Test
    void createsFeatureFromMapBody() throws Exception {
        API.on("POST", "/api/v1/features", 200, """
                {"feature_id":"%s","feature_name":"users","created_at":"2024-11-03T15:02:24",
                 "source_bucket":"bkt","source_file_path":"features/users.tsv"}""".formatted(FEATURE_ID));

        Exchange exchange = template.request("nclue:features?operation=create", e -> e.getMessage().setBody(
                Map.of("name", "users", "source_bucket", "bkt", "source_file_path", "features/users.tsv")));

        assertRequest("POST", "/api/v1/features", "{\"name\":\"users\",\"source_bucket\":\"bkt\","
                                                  + "\"source_file_path\":\"features/users.tsv\"}");
        Feature feature = assertInstanceOf(Feature.class, exchange.getMessage().getBody());
        assertEquals(FEATURE_ID, feature.featureId());
        assertEquals(FEATURE_ID, exchange.getMessage().getHeader(NclueConstants.FEATURE_ID));
        assertEquals("users", exchange.getMessage().getHeader(NclueConstants.JOB_NAME));
    }

    @Test
    void createsTaskFromJsonBodyWithOptionsAndHeaderOverride() throws Exception {
        API.on("POST", "/api/v1/tasks", 200, TASK_JSON);

        Exchange exchange = template.request(
                "nclue:tasks?operation=create&trainBucket=from-option&trainFilePath=labels/train.tsv",
                e -> {
                    e.getMessage().setBody("{\"name\":\"from-body\",\"train_feature_id\":\"" + FEATURE_ID
                                           + "\",\"train_bucket\":\"from-body\"}");
                    e.getMessage().setHeader(NclueConstants.NAME, "from-header");
                });

        // header beats body, body beats option, option fills what is missing
        assertRequest("POST", "/api/v1/tasks", "{\"name\":\"from-header\",\"train_feature_id\":\"" + FEATURE_ID
                                               + "\",\"train_bucket\":\"from-body\","
                                               + "\"train_file_path\":\"labels/train.tsv\"}");
        assertEquals(TASK_ID, exchange.getMessage().getHeader(NclueConstants.TASK_ID));
    }

    @Test
    void getsTaskWithAurocAsNumber() throws Exception {
        API.on("GET", "/api/v1/tasks/" + TASK_ID, 200, TASK_JSON);

        Exchange exchange = template.request("nclue:tasks?operation=get",
                e -> e.getMessage().setHeader(NclueConstants.TASK_ID, TASK_ID));

        assertRequest("GET", "/api/v1/tasks/" + TASK_ID, "");
        Task task = assertInstanceOf(Task.class, exchange.getMessage().getBody());
        assertEquals(0.7681659649879657, task.auroc());
        assertEquals(93734L, task.lineCount());
        assertNull(task.failMessage());
        assertEquals("completed", exchange.getMessage().getHeader(NclueConstants.STATUS));
    }

    @Test
    void listsTasksWithPaging() throws Exception {
        API.on("GET", "/api/v1/tasks?index=40&limit=100", 200,
                "{\"index\":40,\"limit\":100,\"total\":41,\"tasks\":[" + TASK_JSON + "]}");

        Exchange exchange = template.request("nclue:tasks?operation=list&index=40",
                e -> e.getMessage().setHeader(NclueConstants.LIMIT, 100));

        assertRequest("GET", "/api/v1/tasks?index=40&limit=100", "");
        JobPage<?> page = assertInstanceOf(JobPage.class, exchange.getMessage().getBody());
        assertEquals(41, page.total());
        assertEquals(TASK_ID, assertInstanceOf(Task.class, page.items().get(0)).taskId());
        assertEquals(41, exchange.getMessage().getHeader(NclueConstants.TOTAL));
    }

    @Test
    void deletesTaskById() throws Exception {
        API.on("DELETE", "/api/v1/tasks/" + TASK_ID, 200, "{\"task_id\":\"" + TASK_ID + "\"}");

        Exchange exchange = template.request("nclue:tasks?operation=delete&taskId=" + TASK_ID, e -> {
        });

        assertRequest("DELETE", "/api/v1/tasks/" + TASK_ID, "");
        assertEquals(TASK_ID, exchange.getMessage().getBody(Task.class).taskId());
    }

    @Test
    void featureGetListDelete() throws Exception {
        String feature = "{\"feature_id\":\"" + FEATURE_ID + "\",\"feature_name\":\"users\",\"status\":\"failed\","
                         + "\"fail_message\":\"NOT_EXIST_FILE\",\"user_count\":10}";
        API.on("GET", "/api/v1/features/" + FEATURE_ID, 200, feature)
                .on("GET", "/api/v1/features?index=0&limit=20", 200,
                        "{\"index\":0,\"limit\":20,\"total\":1,\"features\":[" + feature + "]}")
                .on("DELETE", "/api/v1/features/" + FEATURE_ID, 200, "{\"feature_id\":\"" + FEATURE_ID + "\"}");

        Exchange got = template.request("nclue:features?operation=get&featureId=" + FEATURE_ID, e -> {
        });
        Exchange listed = template.request("nclue:features?operation=list", e -> {
        });
        Exchange deleted = template.request("nclue:features?operation=delete",
                e -> e.getMessage().setHeader(NclueConstants.FEATURE_ID, FEATURE_ID));

        assertEquals("NOT_EXIST_FILE", got.getMessage().getHeader(NclueConstants.FAIL_MESSAGE));
        assertEquals(10L, got.getMessage().getBody(Feature.class).userCount());
        assertEquals(1, listed.getMessage().getBody(JobPage.class).items().size());
        assertEquals(FEATURE_ID, deleted.getMessage().getHeader(NclueConstants.FEATURE_ID));
        assertEquals(List.of("GET /api/v1/features/" + FEATURE_ID, "GET /api/v1/features?index=0&limit=20",
                "DELETE /api/v1/features/" + FEATURE_ID), sent());
    }

    @Test
    void createsTaskRunFromRecordAndChainsHeaders() throws Exception {
        API.on("POST", "/api/v1/task-runs", 200, RUN_JSON);

        Exchange exchange = template.request("nclue:taskRuns?operation=create", e -> e.getMessage().setBody(
                new CreateTaskRunRequest("predict", TASK_ID, FEATURE_ID, "your.bucket.name", "petfood_predict.tsv")));

        assertRequest("POST", "/api/v1/task-runs", """
                {"name":"predict","task_id":"%s","feature_id":"%s","result_bucket":"your.bucket.name",
                 "result_file_path":"petfood_predict.tsv"}""".formatted(TASK_ID, FEATURE_ID));
        assertEquals(RUN_ID, exchange.getMessage().getHeader(NclueConstants.RUN_ID));
        assertEquals(TASK_ID, exchange.getMessage().getHeader(NclueConstants.TASK_ID));
        assertNull(exchange.getMessage().getHeader(NclueConstants.NAME), "a reply never sets the name of the next job");
    }

    @Test
    void taskRunGetListDelete() throws Exception {
        API.on("GET", "/api/v1/task-runs/" + RUN_ID, 200, RUN_JSON)
                .on("GET", "/api/v1/task-runs?index=0&limit=20", 200,
                        "{\"index\":0,\"limit\":20,\"total\":1,\"runs\":[" + RUN_JSON + "]}")
                .on("DELETE", "/api/v1/task-runs/" + RUN_ID, 200, "{\"run_id\":\"" + RUN_ID + "\"}");

        TaskRun run = template.requestBodyAndHeader("nclue:taskRuns?operation=get", null, NclueConstants.RUN_ID, RUN_ID,
                TaskRun.class);
        JobPage<?> page = template.requestBody("nclue:taskRuns?operation=list", null, JobPage.class);
        TaskRun deleted = template.requestBody("nclue:taskRuns?operation=delete&runId=" + RUN_ID, null, TaskRun.class);

        assertEquals(1209478L, run.lineCount());
        assertEquals(RUN_ID, assertInstanceOf(TaskRun.class, page.items().get(0)).runId());
        assertEquals(RUN_ID, deleted.runId());
        assertEquals(List.of("GET /api/v1/task-runs/" + RUN_ID, "GET /api/v1/task-runs?index=0&limit=20",
                "DELETE /api/v1/task-runs/" + RUN_ID), sent());
    }

    @Test
    void submitsAiAppFromTheDocumentedJson() throws Exception {
        API.on("POST", "/api/v2/aiapps/submit", 200, """
                {"success":true,"id":"dN2vdAwrCMZdUzGKKiFy6Z","accountName":"acct","name":"demo-cvbp-1zqz",
                 "queueName":"gpu","startedAt":"2022-08-01T11:08:33.086+09:00","finishedAt":"1970-01-01T09:00:00+09:00",
                 "elapsedMillis":12,"state":"ACCEPTED","finalStatus":"UNDEFINED"}""");
        String body = """
                {"aiWorkspaceId":"6ZKSGoSJMMwctK257nxgiL",
                 "data":{"input":[{"hdfs":"/user/acct/data_in","path":"data_in"}],
                         "output":[{"hdfs":"/user/acct/data_out","overwrite":false,"path":"data_out"}]},
                 "docker":{"command":"python train.py","image":"repo/img:1","workdir":"ws","env":{"A":"1"},
                           "exposeTcpPorts":[8080]},
                 "namePrefix":"demo","queueName":"gpu",
                 "resource":{"cpuCount":1,"gpuCount":1,"gpuModel":"T4","memoryMb":4096}}""";

        Exchange exchange = template.request("nclue:aiApps?operation=submit", e -> e.getMessage().setBody(body));

        assertRequest("POST", "/api/v2/aiapps/submit", body);
        AiApp app = assertInstanceOf(AiApp.class, exchange.getMessage().getBody());
        assertEquals("ACCEPTED", app.state());
        assertEquals("dN2vdAwrCMZdUzGKKiFy6Z", exchange.getMessage().getHeader(NclueConstants.AI_APP_ID));
        assertEquals("ACCEPTED", exchange.getMessage().getHeader(NclueConstants.STATUS));
        assertEquals("UNDEFINED", exchange.getMessage().getHeader(NclueConstants.FINAL_STATUS));
    }

    @Test
    void aiAppGetListKillAndWorkspaces() throws Exception {
        String appId = "dN2vdAwrCMZdUzGKKiFy6Z";
        API.on("POST", "/api/v2/aiapps/getDetail", 200, """
                {"success":true,"id":"%s","appId":"application_1_0001","state":"RUNNING","finalStatus":"UNDEFINED",
                 "containers":{"worker":{"containerId":"c1","logUrl":"http://logs/c1","memoryMb":4096}}}"""
                .formatted(appId))
                .on("POST", "/api/v2/aiapps/getList", 200,
                        "{\"success\":true,\"contents\":[{\"id\":\"" + appId + "\",\"state\":\"RUNNING\"}]}")
                .on("POST", "/api/v2/aiapps/kill", 200,
                        "{\"success\":true,\"message\":\"success\",\"id\":\"" + appId + "\"}")
                .on("POST", "/api/v2/aiworkspaces/getList", 200,
                        "{\"success\":true,\"total\":1,\"contents\":[{\"id\":\"6ZKSGoSJMMwctK257nxgiL\"}]}");

        AiApp detail = template.requestBodyAndHeader("nclue:aiApps?operation=get", null, NclueConstants.AI_APP_ID,
                appId, AiApp.class);
        AiAppList apps = template.requestBody("nclue:aiApps?operation=list&accountId=acct1", null, AiAppList.class);
        AiApp killed = template.requestBody("nclue:aiApps?operation=kill&aiAppId=" + appId, null, AiApp.class);
        AiWorkspaceList workspaces = template.requestBodyAndHeader("nclue:aiWorkspaces?operation=list", null,
                NclueConstants.ACCOUNT_ID, "acct1", AiWorkspaceList.class);

        assertEquals("http://logs/c1", detail.containers().get("worker").logUrl());
        assertEquals(1, apps.contents().size());
        assertEquals("success", killed.message());
        assertEquals("6ZKSGoSJMMwctK257nxgiL", workspaces.contents().get(0).id());
        List<ApiServer.Recorded> requests = API.requests();
        assertJson("{\"id\":\"" + appId + "\"}", requests.get(0).body());
        assertJson("{\"search\":{\"accountId\":\"acct1\"}}", requests.get(1).body());
        assertJson("{\"id\":\"" + appId + "\"}", requests.get(2).body());
        assertJson("{\"search\":{\"accountId\":\"acct1\"}}", requests.get(3).body());
        assertEquals(List.of("POST /api/v2/aiapps/getDetail", "POST /api/v2/aiapps/getList",
                "POST /api/v2/aiapps/kill", "POST /api/v2/aiworkspaces/getList"), sent());
    }

    @Test
    void operationHeaderOverridesOption() throws Exception {
        API.on("GET", "/api/v1/tasks/" + TASK_ID, 200, TASK_JSON);

        template.requestBodyAndHeaders("nclue:tasks?operation=delete", null,
                Map.of(NclueConstants.OPERATION, "get", NclueConstants.TASK_ID, TASK_ID));

        assertEquals(List.of("GET /api/v1/tasks/" + TASK_ID), sent());
    }

    private static List<String> sent() {
        return API.requests().stream().map(r -> r.method() + " " + r.pathWithQuery()).toList();
    }

    private static void assertRequest(String method, String pathWithQuery, String expectedJson) throws Exception {
        assertEquals(1, API.requests().size(), "requests sent: " + sent());
        ApiServer.Recorded request = API.requests().get(0);
        assertEquals(method + " " + pathWithQuery, request.method() + " " + request.pathWithQuery());
        assertTrue(request.signatureValid(), "signature");
        if (!expectedJson.isEmpty()) {
            assertEquals("application/json", request.headers().get("Content-type").get(0));
            assertJson(expectedJson, request.body());
        }
    }

    private static void assertJson(String expected, String actual) throws Exception {
        JsonNode expectedTree = JSON.readTree(expected);
        JsonNode actualTree = JSON.readTree(actual);
        assertEquals(expectedTree, actualTree);
    }
}
