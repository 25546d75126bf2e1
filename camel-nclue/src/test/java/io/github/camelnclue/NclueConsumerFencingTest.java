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

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobLeadership;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer that leads through a real cluster service (camel-file's lock file) and then loses its lease to another
 * instance in the ledger, as a leader does that its cluster view has not told yet: it emits nothing more, and what it
 * did not emit stays pending for the new leader. Polls are run by the test and the poller does not sweep, so the
 * counts are exact.
 */
class NclueConsumerFencingTest extends NclueTestSupport {

    @TempDir
    static Path shared;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(shared.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        // no sweep of the poller's own: one between the test's two writes of a job would list it in flight
        context.getComponent("nclue", NclueComponent.class).setStatusPollDelay(3_600_000);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:tasks?initialDelay=3600000").routeId("watch").to("mock:watch");
            }
        };
    }

    @Test
    void aLeaderWhoseLeaseWasTakenEmitsNothingMore() throws Exception {
        String scope = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
        NclueConsumer consumer = (NclueConsumer) context.getRoute("watch").getConsumer();
        JobLedger ledger = context.getComponent("nclue", NclueComponent.class).runtime().tracker().ledger();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.poll() == 0 && leads(consumer));

        recordEnded(ledger, scope, "t0");
        assertEquals(2, consumer.poll());

        ledger.takeLead(JobLeadership.namespace(scope, JobKind.TASKS)); // another instance was elected
        recordEnded(ledger, scope, "t1");
        assertEquals(0, consumer.poll(), "a deposed leader emits nothing");
        assertEquals(2, getMockEndpoint("mock:watch").getReceivedCounter());
        assertFalse(leads(consumer), "it stays out although its cluster view still names it leader");
        assertEquals(0, ledger.emittedCount("watch", scope, JobKind.TASKS, "t1"));
        assertTrue(ledger.pendingChanges("watch", scope, JobKind.TASKS, 0).stream()
                .anyMatch(p -> p.job().id().equals("t1")), "t1's changes wait for the new leader");
    }

    private boolean leads(NclueConsumer consumer) {
        return consumer.getEndpoint().poller().leads();
    }

    private static void recordEnded(JobLedger ledger, String scope, String id) {
        ledger.recordJob(scope, JobKind.TASKS, "name-" + id, id, null);
        ledger.recordStatus(scope, JobKind.TASKS, id, "in_progress", null);
        ledger.recordStatus(scope, JobKind.TASKS, id, "completed", null);
    }
}
