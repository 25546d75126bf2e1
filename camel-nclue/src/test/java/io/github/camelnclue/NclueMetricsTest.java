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

import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.model.ShoppingIntent;
import io.github.camelnclue.model.Task;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a MeterRegistry bound in the Camel registry, the component counts API calls, throttling and job statuses. */
class NclueMetricsTest extends NclueTestSupport {

    @BindToRegistry("metricsRegistry")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void countsApiCallsByOperationAndOutcome() {
        API.on("GET", "/api/v1/tasks/abc", Reply.json(503, "{}"), Reply.json(200, "{\"task_id\":\"abc\"}"));
        API.on("GET", "/api/v1/tasks/gone", 404, "{\"code\":404,\"message\":\"NOT_FOUND\"}");

        template.requestBody("nclue:tasks?operation=get&taskId=abc", null, Task.class);
        Exchange failed = template.request("nclue:tasks?operation=get&taskId=gone", e -> {
        });

        assertNotNull(failed.getException());
        assertEquals(1.0, calls("tasks.get", "retried"));
        assertEquals(1.0, calls("tasks.get", "success"));
        assertEquals(1.0, calls("tasks.get", "failure"));
    }

    @Test
    void countsRequestsHeldBackByTheRateLimit() throws Exception {
        API.on("GET", "/api/v1/tasks/a", 200, "{\"task_id\":\"a\"}");
        double before = meters.get(NclueMetrics.API_THROTTLED).functionCounter().count();

        // one request in flight per key: of three sent at once, at least two wait
        CompletableFuture<?>[] calls = new CompletableFuture<?>[3];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = template.asyncRequestBody("nclue:tasks?operation=get&taskId=a", null);
        }
        CompletableFuture.allOf(calls).join();

        assertTrue(meters.get(NclueMetrics.API_THROTTLED).functionCounter().count() - before >= 2);
        assertEquals(0.0, meters.get(NclueMetrics.API_THROTTLED_WAITING).gauge().value());
    }

    @Test
    void countsStatusChangesAndTimesEachStatus() {
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"t1\",\"task_name\":\"nightly\",\"status\":\"registered\"}");
        API.on("GET", "/api/v1/tasks?index=0&limit=100",
                Reply.json(200, page("in_progress")), Reply.json(200, page("completed")));

        Task task = template.requestBody("nclue:tasks?operation=create&waitForCompletion=true&name=nightly"
                                         + "&trainFeatureId=f&trainBucket=b&trainFilePath=labels/t.tsv",
                null, Task.class);

        assertEquals("completed", task.status());
        assertEquals(1.0, statusCount("in_progress"));
        assertEquals(1.0, statusCount("completed"));
        assertEquals(1, statusTimer("registered").count());
        assertEquals(1, statusTimer("in_progress").count());
        assertEquals(1.0, calls("tasks.create", "success"));
        assertEquals(2.0, calls("tasks.list", "success"));
    }

    @Test
    void profilesAreCountedUnderTheirOwnKindAndOperations() throws Exception {
        String intent = "{\"profile_id\":\"p1\",\"profile_name\":\"intents\",\"task_id\":\"t1\",\"status\":\"%s\"}";
        API.on("POST", "/api/v1/profile/shopping-intents", 200, intent.formatted("registered"))
                .on("GET", "/api/v1/profile/shopping-intents?index=0&limit=100", 200,
                        "{\"index\":0,\"limit\":100,\"total\":1,\"profiles\":[" + intent.formatted("completed") + "]}")
                .on("GET", "/api/v1/profile/shopping-intents/p1", 200, intent.formatted("completed"))
                .on("GET", "/api/v1/profile/shopping-intents-download/p1", 200, "u1\tpet\t0.9\n");

        template.requestBody("nclue:shoppingIntents?operation=create&waitForCompletion=true&name=intents&taskId=t1",
                null, ShoppingIntent.class);
        template.requestBody("nclue:shoppingIntents?operation=download&resultFormat=file&profileId=p1"
                             + "&resultDirectory=" + System.getProperty("java.io.tmpdir"), (Object) null);

        assertEquals(1.0, meters.get(NclueMetrics.JOB_STATUS).tag("kind", "shoppingIntents").tag("status", "completed")
                .counter().count());
        assertEquals(1.0, calls("shoppingIntents.create", "success"));
        assertEquals(1.0, calls("shoppingIntents.download", "success"));
    }

    private static String page(String status) {
        return "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":[{\"task_id\":\"t1\",\"task_name\":\"nightly\","
               + "\"status\":\"" + status + "\"}]}";
    }

    private double calls(String operation, String outcome) {
        var counter = meters.find(NclueMetrics.API_CALLS).tag("operation", operation).tag("outcome", outcome).counter();
        return counter != null ? counter.count() : 0;
    }

    private double statusCount(String status) {
        return meters.get(NclueMetrics.JOB_STATUS).tag("kind", "tasks").tag("status", status).counter().count();
    }

    private Timer statusTimer(String status) {
        return meters.get(NclueMetrics.JOB_STATUS_DURATION).tag("kind", "tasks").tag("status", status).timer();
    }
}
