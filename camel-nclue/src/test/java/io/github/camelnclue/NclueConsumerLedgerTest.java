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

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.Consumer;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a consumer starts and how much one poll emits, with the ledger filled directly and polls run by the test (the
 * routes' own schedule never fires), so every count is exact.
 */
class NclueConsumerLedgerTest extends NclueTestSupport {

    private static final String NEVER = "initialDelay=3600000";
    private static final String SCOPE = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
    private final ExecutorService stopper = Executors.newSingleThreadExecutor();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:tasks?" + NEVER).routeId("from-now").autoStartup(false)
                        .to("mock:now");
                from("nclue:tasks?startFrom=recorded&maxMessagesPerPoll=2&" + NEVER).routeId("replay")
                        .autoStartup(false)
                        .to("mock:replay");
                from("nclue:tasks?startFrom=recorded&" + NEVER).routeId("stops-midway").autoStartup(false)
                        .process(e -> {
                            // as a context or route stop does: the route is asked to stop while this exchange runs
                            stopper.submit(() -> {
                                context.getRouteController().stopRoute("stops-midway");
                                return null;
                            });
                            Eventually.within(Duration.ofSeconds(10),
                                    () -> assertFalse(consumer("stops-midway").isEmitAllowed()));
                        })
                        .to("mock:stopped");
            }
        };
    }

    @Test
    void aNewRouteStartsFromNowAndOneThatReplaysEmitsInBatches() throws Exception {
        JobLedger ledger = ledger();
        for (int i = 0; i < 3; i++) {
            recordEnded(ledger, "t" + i);
        }
        context.getRouteController().startRoute("from-now");
        context.getRouteController().startRoute("replay");

        assertEquals(0, consumer("from-now").poll(), "history is not emitted to a new route");
        assertEquals(2, consumer("replay").poll());
        assertEquals(2, consumer("replay").poll());
        assertEquals(2, consumer("replay").poll());
        assertEquals(0, consumer("replay").poll());
        assertEquals(List.of("t0:in_progress", "t0:completed", "t1:in_progress", "t1:completed", "t2:in_progress",
                "t2:completed"), received("mock:replay"));

        ledger.recordJob(SCOPE, JobKind.TASKS, "new", "t-new", null);
        ledger.recordStatus(SCOPE, JobKind.TASKS, "t-new", "pending", null);
        assertEquals(1, consumer("from-now").poll());
        assertEquals(List.of("t-new:pending"), received("mock:now"));
    }

    @Test
    void aKnownRouteResumesWhereItStopped() throws Exception {
        JobLedger ledger = ledger();
        context.getRouteController().startRoute("from-now");
        recordEnded(ledger, "t0");
        assertEquals(2, consumer("from-now").poll());
        context.getRouteController().stopRoute("from-now");

        recordEnded(ledger, "t1"); // while the route is stopped
        context.getRouteController().startRoute("from-now");

        assertEquals(2, consumer("from-now").poll(), "not from now: the changes made while it was stopped");
        assertEquals(List.of("t0:in_progress", "t0:completed", "t1:in_progress", "t1:completed"),
                received("mock:now"));
    }

    @Test
    void aPollStopsEmittingWhenTheRouteStops() throws Exception {
        JobLedger ledger = ledger();
        recordEnded(ledger, "t0");
        recordEnded(ledger, "t1");
        context.getRouteController().startRoute("stops-midway");
        NclueConsumer consumer = consumer("stops-midway");

        assertEquals(1, consumer.poll(), "the first exchange stops the route");

        Eventually.within(Duration.ofSeconds(10),
                () -> assertTrue(context.getRouteController().getRouteStatus("stops-midway").isStopped()));
        stopper.shutdown();
        assertEquals(1, getMockEndpoint("mock:stopped").getReceivedCounter());
        assertEquals(List.of("t0", "t1"), ledger.pendingChanges("stops-midway", SCOPE, JobKind.TASKS, 0).stream()
                .map(p -> p.job().id()).toList(), "the rest stays in the ledger");
        assertEquals(1, ledger.emittedCount("stops-midway", SCOPE, JobKind.TASKS, "t0"));
    }

    @Test
    void aConsumerOutsideARouteIsKnownByItsUriWithoutTheKeys() throws Exception {
        String uri = "nclue:tasks?" + NEVER + "&accessKey=RAW(URI_ACCESS_KEY)";
        Consumer consumer = context.getEndpoint(uri).createConsumer(exchange -> { });
        consumer.start();
        try {
            String consumerId = URISupport.sanitizeUri(context.getEndpoint(uri).getEndpointKey());
            String scope = AccountScope.of(API.url(), "URI_ACCESS_KEY");
            assertTrue(ledger().isKnownConsumer(consumerId, scope, JobKind.TASKS), consumerId);
            assertFalse(Files.readString(ledgerDirectory.resolve("ledger.jsonl")).contains("URI_ACCESS_KEY"));
        } finally {
            consumer.stop();
        }
    }

    @Test
    void startFromIsNowOrRecorded() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("nclue:tasks?startFrom=yesterday").createConsumer(exchange -> { }));
        assertTrue(e.getMessage().contains("startFrom"), e.getMessage());
    }

    private JobLedger ledger() {
        return context.getComponent("nclue", NclueComponent.class).runtime().tracker().ledger();
    }

    /** A task that went from in_progress to completed, as the poller would have recorded it. */
    private static void recordEnded(JobLedger ledger, String id) {
        ledger.recordJob(SCOPE, JobKind.TASKS, "name-" + id, id, null);
        ledger.recordStatus(SCOPE, JobKind.TASKS, id, "in_progress", null);
        ledger.recordStatus(SCOPE, JobKind.TASKS, id, "completed", null);
    }

    private NclueConsumer consumer(String routeId) {
        return (NclueConsumer) context.getRoute(routeId).getConsumer();
    }

    private List<String> received(String mock) {
        MockEndpoint endpoint = getMockEndpoint(mock);
        return endpoint.getExchanges().stream()
                .map(e -> e.getMessage().getHeader(NclueReplies.idHeader(JobKind.TASKS)) + ":"
                          + e.getMessage().getHeader(NclueConstants.STATUS))
                .toList();
    }
}
