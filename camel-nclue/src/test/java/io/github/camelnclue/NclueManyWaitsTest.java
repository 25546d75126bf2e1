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
import io.github.camelnclue.model.Task;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 exchanges parked on one poller: no thread and no timer per wait, so no cliff (the first version failed the
 * 1,000th wait), and the component's threads stay at most four. Not timed: it proves the waits work, the benchmark
 * measures them.
 */
class NclueManyWaitsTest extends NclueTestSupport {

    private static final int WAITS = 10_000;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        NclueComponent component = context.getComponent("nclue", NclueComponent.class);
        // the file ledger's fsync per tracked job is not what this test is about
        component.setLedger(new InMemoryJobLedger());
        component.getConfiguration().setRequestsPerSecond(1_000_000);
        component.getConfiguration().setRequestQueueSize(2 * WAITS);
        return context;
    }

    @Test
    void tenThousandWaitsParkOnAtMostFourComponentThreadsAndAllResume() throws Exception {
        pages("in_progress");
        AsyncProducer producer = context.getEndpoint(
                "nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=30m").createAsyncProducer();
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
        NclueRuntime runtime = context.getComponent("nclue", NclueComponent.class).runtime();
        await().atMost(Duration.ofMinutes(3)).until(() -> runtime.parkedWaits() == WAITS);
        Set<Long> added = threadsBesidesTheStub();
        added.removeAll(baseline);
        List<String> componentThreads = NclueRuntimeTest.componentThreads();
        pages("completed");

        assertTrue(done.await(3, TimeUnit.MINUTES), "every wait ended; still parked: " + runtime.parkedWaits());
        assertTrue(added.size() <= 4, WAITS + " waits added " + added.size() + " threads");
        assertTrue(componentThreads.size() <= 4, "component threads: " + componentThreads);
        for (Exchange exchange : exchanges) {
            assertEquals("completed", assertInstanceOf(Task.class, exchange.getMessage().getBody()).status());
        }
        producer.stop();
    }

    /** Live threads, without the API stub's own (it starts more as requests arrive). */
    private static Set<Long> threadsBesidesTheStub() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith(ApiServer.SERVER_THREAD_PREFIX))
                .map(Thread::getId).collect(Collectors.toCollection(HashSet::new));
    }

    /** The account as NCLUE shows it: every job in {@code status}, in the list pages and by id alike. */
    private static void pages(String status) {
        for (int i = 0; i < WAITS; i++) {
            API.on("GET", "/api/v1/tasks/t" + i, 200, task(i, status));
        }
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
