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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.TaskRun;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** onWaitTimeout: detach leaves the job, cancel deletes it while NCLUE allows it and kills an AI app. */
class NclueWaitTimeoutCancelTest extends NclueTestSupport {

    private static final String RUN = "{\"run_id\":\"r1\",\"run_name\":\"predict\",\"status\":\"%s\"}";
    private static final String RUNS = "/api/v1/task-runs?index=0&limit=100";
    private static final String WAIT = "nclue:taskRuns?operation=get&runId=r1&waitForCompletion=true&waitTimeout=300";

    @Test
    void detachIsTheDefaultAndSendsNothingOnTimeout() {
        script("registered", "registered");

        Exchange exchange = template.request(WAIT, e -> {
        });

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class,
                exchange.getException());
        assertFalse(timeout.isCancelled());
        assertTrue(timeout.getMessage().endsWith("it is still tracked"), timeout.getMessage());
        assertFalse(sent().contains("DELETE /api/v1/task-runs/r1"));
    }

    @Test
    void cancelDeletesAJobStillRegistered() {
        script("registered", "registered");
        API.on("DELETE", "/api/v1/task-runs/r1", 200, "{\"run_id\":\"r1\"}");

        Exchange exchange = template.request(WAIT + "&onWaitTimeout=cancel", e -> {
        });

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class,
                exchange.getException());
        assertTrue(timeout.isCancelled());
        assertEquals("r1", timeout.getJobId());
        assertTrue(timeout.getMessage().contains("cancelled while registered"), timeout.getMessage());
        List<String> sent = sent();
        int delete = sent.indexOf("DELETE /api/v1/task-runs/r1");
        assertTrue(delete > 0, "deleted: " + sent);
        // the wait's start reads it once; the cancellation reads it again before deleting (the sweep may interleave)
        assertEquals(2, sent.subList(0, delete).stream().filter("GET /api/v1/task-runs/r1"::equals).count(), sent.toString());
    }

    @Test
    void cancelLeavesARunningJobRunningAndSaysWhy() {
        script("in_progress", "in_progress");

        Exchange exchange = template.request(WAIT + "&onWaitTimeout=cancel", e -> {
        });

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class,
                exchange.getException());
        assertFalse(timeout.isCancelled());
        assertTrue(timeout.getMessage().contains(
                "still running: in_progress jobs cannot be deleted; left running and tracked"), timeout.getMessage());
        assertFalse(sent().contains("DELETE /api/v1/task-runs/r1"), "NCLUE refuses it: not sent");
    }

    @Test
    void aJobThatEndedWhenTheWaitGaveUpIsTheAnswer() {
        // the first GET (the wait's start) says registered; the one after the timeout says completed
        API.on("GET", "/api/v1/task-runs/r1", ApiServer.Reply.json(200, RUN.formatted("registered")),
                ApiServer.Reply.json(200, RUN.formatted("completed")));
        API.on("GET", RUNS, 200, page("registered"));

        Exchange exchange = template.request(WAIT + "&onWaitTimeout=cancel", e -> {
        });

        assertNull(exchange.getException());
        assertEquals("completed", exchange.getMessage().getBody(TaskRun.class).status());
        assertFalse(sent().contains("DELETE /api/v1/task-runs/r1"));
    }

    @Test
    void aFailedDeleteIsReportedAndTheJobLeftTracked() {
        script("registered", "registered");
        API.on("DELETE", "/api/v1/task-runs/r1", 422, "{\"code\":10110,\"message\":\"NOT_DELETABLE\"}");

        Exchange exchange = template.request(WAIT + "&onWaitTimeout=cancel", e -> {
        });

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class,
                exchange.getException());
        assertFalse(timeout.isCancelled());
        assertTrue(timeout.getMessage().contains("deleting it failed") && timeout.getMessage().contains("NOT_DELETABLE")
                   && timeout.getMessage().contains("left running and tracked"), timeout.getMessage());
    }

    @Test
    void cancelKillsAnAiApp() {
        String app = "{\"success\":true,\"id\":\"app1\",\"state\":\"RUNNING\",\"finalStatus\":\"UNDEFINED\"}";
        API.on("POST", "/api/v2/aiapps/getDetail", 200, app)
                .on("POST", "/api/v2/aiapps/kill", 200, "{\"success\":true,\"message\":\"success\",\"id\":\"app1\"}");

        Exchange exchange = template.request("nclue:aiApps?operation=get&aiAppId=app1&waitForCompletion=true"
                                             + "&waitTimeout=300&onWaitTimeout=cancel", e -> {
                                             });

        NclueWaitTimeoutException timeout = assertInstanceOf(NclueWaitTimeoutException.class,
                exchange.getException());
        assertTrue(timeout.isCancelled());
        assertTrue(timeout.getMessage().contains("the AI app was killed"), timeout.getMessage());
        // the poller reads the app by id meanwhile (no accountId to list with), so only the kill itself is asserted
        assertEquals(1, sent().stream().filter("POST /api/v2/aiapps/kill"::equals).count(), sent().toString());
    }

    @Test
    void aWaitReleasedByAStopIsNotCancelled() throws Exception {
        script("registered", "registered");
        API.on("DELETE", "/api/v1/task-runs/r1", 200, "{\"run_id\":\"r1\"}");
        NclueEndpoint endpoint = context.getEndpoint(
                "nclue:taskRuns?operation=get&runId=r1&waitForCompletion=true&waitTimeout=1h&onWaitTimeout=cancel",
                NclueEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(1);
        Exchange exchange = new DefaultExchange(context);
        producer.process(exchange, doneSync -> done.countDown());
        Eventually.within(Duration.ofSeconds(10), () -> assertEquals(1, endpoint.poller().waitCount()));

        context.stop();

        assertTrue(done.await(10, TimeUnit.SECONDS), "the stop released the wait");
        assertTrue(exchange.getException() != null, "the released wait fails the exchange");
        assertFalse(exchange.getException() instanceof NclueWaitTimeoutException exception
                    && exception.isCancelled());
        assertFalse(sent().contains("DELETE /api/v1/task-runs/r1"), "a stop never cancels work");
    }

    /** The run's GET and list replies: {@code first} at the wait's start, then {@code later}. */
    private static void script(String first, String later) {
        API.on("GET", "/api/v1/task-runs/r1", ApiServer.Reply.json(200, RUN.formatted(first)),
                ApiServer.Reply.json(200, RUN.formatted(later)));
        API.on("GET", RUNS, 200, page(later));
    }

    private static String page(String status) {
        return "{\"index\":0,\"limit\":100,\"total\":1,\"runs\":[" + RUN.formatted(status) + "]}";
    }

    private static List<String> sent() {
        return API.requests().stream().map(r -> r.method() + " " + r.pathWithQuery()).toList();
    }
}
