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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.Task;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-route waits: the exchange is parked on the shared poller, no thread waits. */
class NclueWaitTest extends NclueTestSupport {

    private static final int WAITS = 500;

    @Test
    void fiveHundredWaitsAddAtMostFourThreads() throws Exception {
        for (int i = 0; i < WAITS; i++) {
            API.on("GET", "/api/v1/tasks/t" + i, 200, task(i, "in_progress"));
        }
        pages("in_progress");
        AsyncProducer producer = context.getEndpoint(
                "nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=1m").createAsyncProducer();
        producer.start();
        // warm up: the HTTP client and the poller exist before the baseline
        template.requestBodyAndHeader("nclue:tasks?operation=get", null, NclueConstants.TASK_ID, "t0");
        Set<Long> baseline = threadsBesidesTheStub();

        CountDownLatch done = new CountDownLatch(WAITS);
        List<Exchange> exchanges = IntStream.range(0, WAITS).mapToObj(i -> {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(NclueConstants.TASK_ID, "t" + i);
            producer.process(exchange, doneSync -> done.countDown());
            return exchange;
        }).toList();
        awaitWaits(WAITS);
        Set<Long> added = threadsBesidesTheStub();
        added.removeAll(baseline);
        pages("completed");

        assertTrue(done.await(60, TimeUnit.SECONDS), "every wait ended");
        assertTrue(added.size() <= 4, WAITS + " waits added " + added.size() + " threads");
        assertTrue(NclueRuntimeTest.componentThreads().size() <= 4, "component threads: "
                                                                     + NclueRuntimeTest.componentThreads());
        for (Exchange exchange : exchanges) {
            assertEquals("completed", assertInstanceOf(Task.class, exchange.getMessage().getBody()).status());
        }
        producer.stop();
    }

    @Test
    void aFailedJobFailsTheExchangeWithItsFailMessage() {
        API.on("GET", "/api/v1/tasks/t1", 200, task(1, "pending"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":["
                        + "{\"task_id\":\"t1\",\"task_name\":\"n1\",\"status\":\"failed\","
                        + "\"fail_message\":\"NOT_EXIST_FILE\"}]}");

        Exchange exchange = template.request("nclue:tasks?operation=get&waitForCompletion=true&taskId=t1", e -> {
        });

        NclueJobFailedException failed = assertInstanceOf(NclueJobFailedException.class, exchange.getException());
        assertEquals("NOT_EXIST_FILE", failed.getFailMessage());
        assertEquals("t1", failed.getJobId());
    }

    @Test
    void aTimeoutFailsTheExchangeAndKeepsTheJobTracked() throws Exception {
        API.on("GET", "/api/v1/tasks/t2", 200, task(2, "pending"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":["
                        + task(2, "in_progress") + "]}");

        Exchange exchange = template.request(
                "nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=300&taskId=t2", e -> {
                });

        assertInstanceOf(NclueWaitTimeoutException.class, exchange.getException());
        NclueComponent component = context.getComponent("nclue", NclueComponent.class);
        String scope = API.url() + "|" + ApiServer.ACCESS_KEY;
        assertEquals("in_progress", component.runtime().tracker().ledger()
                .findById(scope, JobKind.TASKS, "t2").orElseThrow().lastStatus());
    }

    private void awaitWaits(int count) {
        NclueEndpoint endpoint = context.getEndpoint("nclue:tasks?operation=get", NclueEndpoint.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.poller().waitCount() >= count);
    }

    /** Live threads, without the API stub's own (it starts more as requests arrive). */
    private static Set<Long> threadsBesidesTheStub() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith(ApiServer.SERVER_THREAD_PREFIX))
                .map(Thread::getId).collect(Collectors.toCollection(HashSet::new));
    }

    private static void pages(String status) {
        for (int index = 0; index < WAITS; index += 100) {
            int from = index;
            String items = IntStream.range(from, from + 100).mapToObj(i -> task(i, status))
                    .collect(Collectors.joining(","));
            API.on("GET", "/api/v1/tasks?index=" + index + "&limit=100",
                    Reply.json(200, "{\"index\":" + index + ",\"limit\":100,\"total\":" + WAITS + ",\"tasks\":["
                                    + items + "]}"));
        }
    }

    private static String task(int i, String status) {
        return "{\"task_id\":\"t" + i + "\",\"task_name\":\"n" + i + "\",\"status\":\"" + status + "\"}";
    }
}
