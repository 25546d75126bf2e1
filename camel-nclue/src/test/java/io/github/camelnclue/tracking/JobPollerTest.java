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
package io.github.camelnclue.tracking;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.exception.NclueWaitReleasedException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits against sweeps, without Camel: registration is atomic with completion, deadlines need no timers. */
class JobPollerTest {

    private static final String SCOPE = "https://nclue.example.com|key";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private final InMemoryJobLedger ledger = new InMemoryJobLedger();
    private volatile String status = "in_progress";

    private final JobSource source = new JobSource() {
        @Override
        public CompletableFuture<Page> list(int index, int limit) {
            return CompletableFuture.completedFuture(new Page(1, List.of(task("t1", status))));
        }

        @Override
        public CompletableFuture<? extends NclueJob> get(String id) {
            return CompletableFuture.completedFuture(task(id, status));
        }
    };

    @AfterEach
    void stopThreads() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void waitsAddedFromManyThreadsWhileASweepEndsTheJobAllResume() throws Exception {
        ledger.recordJob(SCOPE, JobKind.TASKS, "n", "t1", null);
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, source, ledger, mapper, scheduler, workers, 1);
        List<CompletableFuture<NclueJob>> waits = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> adding = new CopyOnWriteArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                adding.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 500; i++) {
                        waits.add(poller.awaitEnd("t1", Duration.ofMinutes(1)));
                        if (i == 250) {
                            status = "completed";
                        }
                    }
                }, callers));
            }
            CompletableFuture.allOf(adding.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
        }

        for (CompletableFuture<NclueJob> wait : waits) {
            assertEquals("completed", wait.get(10, TimeUnit.SECONDS).status());
        }
        assertEquals(2000, waits.size());
        assertEquals(0, poller.waitCount());
    }

    @Test
    void deadlinesAreKeptByThePollerWithoutATimerPerWait() throws Exception {
        ledger.recordJob(SCOPE, JobKind.TASKS, "n", "t1", null);
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, source, ledger, mapper, scheduler, workers, 20);
        List<CompletableFuture<NclueJob>> waits = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(poller.awaitEnd("t1", Duration.ofMillis(200)));
        }

        assertTrue(scheduler.getQueue().size() <= 1, "scheduled tasks: " + scheduler.getQueue().size());
        for (CompletableFuture<NclueJob> wait : waits) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> wait.get(10, TimeUnit.SECONDS));
            assertInstanceOf(NclueWaitTimeoutException.class, failure.getCause());
        }
        assertEquals(0, poller.waitCount());
    }

    @Test
    void stopReleasesEveryParkedWaitAtOnce() throws Exception {
        ledger.recordJob(SCOPE, JobKind.TASKS, "n", "t1", null);
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, source, ledger, mapper, scheduler, workers, 60_000);
        CompletableFuture<NclueJob> parked = poller.awaitEnd("t1", Duration.ofHours(6));

        poller.stop();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> parked.get(5, TimeUnit.SECONDS));
        assertInstanceOf(NclueWaitReleasedException.class, failure.getCause());
        ExecutionException late = assertThrows(ExecutionException.class,
                () -> poller.awaitEnd("t1", Duration.ofHours(6)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(NclueWaitReleasedException.class, late.getCause());
    }

    @Test
    void aLeaderWhoseLeaseWasTakenRecordsNothingUntilElectedAgain() throws Exception {
        ledger.recordJob(SCOPE, JobKind.TASKS, "n", "t1", null);
        AtomicReference<JobLeadership.Role> role = new AtomicReference<>(JobLeadership.Role.LEADER);
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, source, ledger, mapper, scheduler, workers, 60_000);
        poller.leadWhen(role::get);

        poller.sweep().get(5, TimeUnit.SECONDS);
        LeaderLease first = poller.lead().orElseThrow();
        assertTrue(first.fenced());
        assertEquals("in_progress", lastStatus("t1"));

        ledger.takeLead(JobLeadership.namespace(SCOPE, JobKind.TASKS)); // another instance was elected meanwhile
        status = "completed";
        poller.sweep().get(5, TimeUnit.SECONDS);
        assertEquals("in_progress", lastStatus("t1"), "the deposed leader recorded nothing");
        assertFalse(poller.leads(), "it stays out while its cluster view still names it leader");

        role.set(JobLeadership.Role.FOLLOWER);
        assertFalse(poller.leads());
        role.set(JobLeadership.Role.LEADER);
        LeaderLease again = poller.lead().orElseThrow();
        assertEquals(first.epoch() + 2, again.epoch(), "elected again, it takes a lease after its successor's");
        poller.sweep().get(5, TimeUnit.SECONDS);
        assertEquals("completed", lastStatus("t1"));
    }

    @Test
    void aLeadTakenDuringASweepRefusesItsWritesAndDeposesIt() throws Exception {
        ledger.recordJob(SCOPE, JobKind.TASKS, "n", "t1", null);
        String namespace = JobLeadership.namespace(SCOPE, JobKind.TASKS);
        JobSource takenWhileListing = new JobSource() {
            @Override
            public CompletableFuture<Page> list(int index, int limit) {
                ledger.takeLead(namespace); // the successor's lease lands while this page is on its way
                return CompletableFuture.completedFuture(new Page(1, List.of(task("t1", "completed"))));
            }

            @Override
            public CompletableFuture<? extends NclueJob> get(String id) {
                return CompletableFuture.completedFuture(task(id, "completed"));
            }
        };
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, takenWhileListing, ledger, mapper, scheduler, workers,
                60_000);
        poller.leadWhen(() -> JobLeadership.Role.LEADER);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> poller.sweep().get(5, TimeUnit.SECONDS));
        assertInstanceOf(NclueLeadershipLostException.class, refused.getCause());
        assertEquals(null, lastStatus("t1"), "nothing recorded under the lost lease");
        assertFalse(poller.leads());
    }

    @Test
    void withoutAClusterServiceThePollerLeadsAloneUnfenced() {
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASKS, source, ledger, mapper, scheduler, workers, 60_000);
        assertEquals(LeaderLease.ALONE, poller.lead().orElseThrow());
        assertEquals(1, ledger.takeLead(JobLeadership.namespace(SCOPE, JobKind.TASKS)).epoch(),
                "leading alone took no lease");
    }

    private String lastStatus(String id) {
        return ledger.findById(SCOPE, JobKind.TASKS, id).orElseThrow().lastStatus();
    }

    private Task task(String id, String state) {
        try {
            return mapper.readValue("{\"task_id\":\"" + id + "\",\"task_name\":\"n\",\"status\":\"" + state + "\"}",
                    Task.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
