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

import java.util.Map;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NclueRetryTest extends NclueTestSupport {

    private static final String CREATE_TASK
            = "nclue:tasks?operation=create&name=t&trainFeatureId=f&trainBucket=b&trainFilePath=labels/t.tsv";
    private static final Reply UNAVAILABLE = Reply.json(503, "{\"error\":{\"errorCode\":\"500\"}}");
    private static final Reply QUOTA = Reply.json(429,
            "{\"error\":{\"errorCode\":\"400\",\"message\":\"Quota Exceeded\"}}");

    @Test
    void getIsRetriedOn503AndSucceeds() {
        API.on("GET", "/api/v1/tasks/abc", UNAVAILABLE, UNAVAILABLE,
                Reply.json(200, "{\"task_id\":\"abc\",\"status\":\"pending\"}"));

        Task task = template.requestBody("nclue:tasks?operation=get&taskId=abc", null, Task.class);

        assertEquals("pending", task.status());
        assertEquals(3, API.requests().size());
        // every attempt is signed afresh
        assertTrue(API.requests().stream().allMatch(ApiServer.Recorded::signatureValid));
    }

    @Test
    void createIsRetriedOn5xxBecauseItsNameIsUnique() {
        API.on("POST", "/api/v1/tasks", UNAVAILABLE, Reply.json(200, "{\"task_id\":\"abc\"}"));

        Task task = template.requestBody(CREATE_TASK, null, Task.class);

        assertEquals("abc", task.taskId());
        assertEquals(2, API.requests().size());
    }

    @Test
    void createGivesUpAfterMaxRetriesOf5xx() {
        API.on("POST", "/api/v1/tasks", UNAVAILABLE);

        Exchange exchange = template.request(CREATE_TASK + "&maxRetries=2", e -> {
        });

        assertEquals(503, assertInstanceOf(NclueApiException.class, exchange.getException()).getHttpResponseCode());
        assertEquals(3, API.requests().size(), "1 attempt + 2 resends");
    }

    @Test
    void postIsRetriedOn429BecauseTheGatewayRefusedIt() {
        API.on("POST", "/api/v1/tasks", QUOTA, Reply.json(200, "{\"task_id\":\"abc\"}"));

        Task task = template.requestBody(CREATE_TASK, null, Task.class);

        assertEquals("abc", task.taskId());
        assertEquals(2, API.requests().size());
    }

    @Test
    void honoursRetryAfter() {
        API.on("GET", "/api/v1/tasks/abc", new Reply(429, "{}", Map.of("Retry-After", "1")),
                Reply.json(200, "{\"task_id\":\"abc\"}"));

        template.requestBody("nclue:tasks?operation=get&taskId=abc", null, Task.class);

        long gapMillis = (API.requests().get(1).arrivalNanos() - API.requests().get(0).arrivalNanos()) / 1_000_000;
        assertTrue(gapMillis >= 950, "waited " + gapMillis + " ms, Retry-After asked for 1 s");
        assertNotEquals(API.requests().get(0).headers().get("X-ncp-apigw-timestamp"),
                API.requests().get(1).headers().get("X-ncp-apigw-timestamp"), "re-signed with a new timestamp");
    }

    @Test
    void aQuotaStormIsWaitedOutLongerThanErrorsAreRetried() {
        API.on("POST", "/api/v1/tasks", QUOTA, QUOTA, QUOTA, QUOTA, QUOTA, QUOTA,
                Reply.json(200, "{\"task_id\":\"abc\"}"));

        Task task = template.requestBody(CREATE_TASK + "&maxRetries=2", null, Task.class);

        assertEquals("abc", task.taskId());
        assertEquals(7, API.requests().size());
    }

    @Test
    void anEndlessQuotaStormStillEnds() {
        API.on("GET", "/api/v1/tasks/abc", QUOTA);

        Exchange exchange = template.request("nclue:tasks?operation=get&taskId=abc&maxRetries=1", e -> {
        });

        assertEquals(429, assertInstanceOf(NclueApiException.class, exchange.getException()).getHttpResponseCode());
        assertEquals(5, API.requests().size(), "1 attempt + 4 throttled retries");
    }

    @Test
    void givesUpAfterMaxRetries() {
        API.on("GET", "/api/v1/tasks/abc", UNAVAILABLE);

        Exchange exchange = template.request("nclue:tasks?operation=get&taskId=abc&maxRetries=2", e -> {
        });

        assertInstanceOf(NclueApiException.class, exchange.getException());
        assertEquals(3, API.requests().size());
    }

    @Test
    void connectionRefusedIsRetriedEvenForPost() throws Exception {
        // nothing listens on port 1: the request never left, so a create may be tried again
        Exchange exchange = template.request(CREATE_TASK + "&nclueEndpoint=http://127.0.0.1:1&maxRetries=1", e -> {
        });

        assertNull(exchange.getMessage().getBody());
        assertTrue(exchange.getException().getMessage().contains("tasks.create failed"),
                exchange.getException().getMessage());
    }
}
