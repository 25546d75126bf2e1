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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelnclue.exception.NclueWaitReleasedException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.FileJobLedger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where waits resume, that they are never lost, and what a stop does to them: end to end through routes. */
class NclueRuntimeTest extends NclueTestSupport {

    private static final String PAGE = "/api/v1/tasks?index=0&limit=100";
    private final List<String> resumedOn = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").routeId("wait")
                        .to("nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=1m")
                        .process(e -> resumedOn.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void theRouteResumesOnACamelWorkerThreadAfterAWait() {
        API.on("GET", "/api/v1/tasks/t1", 200, task("t1", "pending"))
                .on("GET", PAGE, 200, page(task("t1", "completed")));

        Exchange exchange = template.request("direct:wait", e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t1"));

        assertNull(exchange.getException());
        assertEquals(1, resumedOn.size());
        String thread = resumedOn.get(0);
        assertTrue(thread.contains("NclueWorker"), "resumed on " + thread);
        assertFalse(thread.contains("ForkJoinPool"), "resumed on " + thread);
    }

    @Test
    void twoExchangesWaitingOnOneJobBothResume() {
        API.on("GET", "/api/v1/tasks/t1", 200, task("t1", "in_progress"))
                .on("GET", PAGE, 200, page(task("t1", "in_progress")));
        CompletableFuture<Exchange> first = template.asyncSend("direct:wait",
                e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t1"));
        CompletableFuture<Exchange> second = template.asyncSend("direct:wait",
                e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime().parkedWaits() == 2);

        API.on("GET", PAGE, 200, page(task("t1", "completed")));

        for (CompletableFuture<Exchange> wait : List.of(first, second)) {
            Exchange exchange = wait.join();
            assertNull(exchange.getException());
            assertEquals("completed", assertInstanceOf(Task.class, exchange.getMessage().getBody()).status());
        }
        assertEquals(0, runtime().parkedWaits());
    }

    @Test
    void aStopReleasesParkedWaitsAtOnceAndKeepsTheJobsTracked() throws Exception {
        int waits = 50;
        for (int i = 0; i < waits; i++) {
            API.on("GET", "/api/v1/tasks/s" + i, 200, task("s" + i, "in_progress"));
        }
        API.on("GET", PAGE, 200, page(task("s0", "in_progress")));
        context.getShutdownStrategy().setTimeout(30);
        List<CompletableFuture<Exchange>> parked = new CopyOnWriteArrayList<>();
        for (int i = 0; i < waits; i++) {
            String id = "s" + i;
            parked.add(template.asyncSend("direct:wait", e -> e.getMessage().setHeader(NclueConstants.TASK_ID, id)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime().parkedWaits() == waits);
        String scope = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);

        long start = System.nanoTime();
        context.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(context.getShutdownStrategy().hasTimeoutOccurred(), "the graceful shutdown had to force routes");
        // the graceful-shutdown timeout is 30 s: a stop that waited for the parked exchanges would take that long
        assertTrue(stopMillis < 5000, "stop took " + stopMillis + " ms");
        for (CompletableFuture<Exchange> wait : parked) {
            assertInstanceOf(NclueWaitReleasedException.class, wait.join().getException());
        }
        // the ledger the component created is closed now; what it wrote stays in its directory
        FileJobLedger reopened = new FileJobLedger(ledgerDirectory);
        reopened.start();
        try {
            assertEquals("in_progress", reopened.findById(scope, JobKind.TASKS, "s7").orElseThrow().lastStatus());
        } finally {
            reopened.close();
        }
    }

    @Test
    void everyComponentThreadEndsWhenTheComponentStops() {
        API.on("GET", "/api/v1/tasks/t1", 200, task("t1", "pending"))
                .on("GET", PAGE, 200, page(task("t1", "completed")));
        template.request("direct:wait", e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t1"));
        assertFalse(componentThreads().isEmpty(), "the component runs named threads");

        context.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> componentThreads().isEmpty());
    }

    static List<String> componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("Nclue")).toList();
    }

    private NclueRuntime runtime() {
        return context.getComponent("nclue", NclueComponent.class).runtime();
    }

    static String task(String id, String status) {
        return "{\"task_id\":\"" + id + "\",\"task_name\":\"n-" + id + "\",\"status\":\"" + status + "\"}";
    }

    static String page(String... tasks) {
        return "{\"index\":0,\"limit\":100,\"total\":" + tasks.length + ",\"tasks\":[" + String.join(",", tasks) + "]}";
    }
}
