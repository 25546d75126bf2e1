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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.TaskRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep's ledger reads and the watchAll page loop, with an account in memory (list pages newest first) and sweeps
 * run by the test: request counts are exact.
 */
class JobPollerWatchAllTest {

    private static final String SCOPE = "https://nclue.example.com|key";
    private static final long NEVER = 3_600_000;

    /** The account: newest first, as NCLUE lists. */
    private final List<TaskRun> account = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryJobLedger ledger = new InMemoryJobLedger();

    private final JobSource source = new JobSource() {
        @Override
        public CompletableFuture<Page> list(int index, int limit) {
            requests.add("list " + index);
            List<TaskRun> page = account.subList(Math.min(index, account.size()),
                    Math.min(index + limit, account.size()));
            return CompletableFuture.completedFuture(new Page(account.size(), List.copyOf(page)));
        }

        @Override
        public CompletableFuture<? extends NclueJob> get(String id) {
            requests.add("get " + id);
            return CompletableFuture.completedFuture(
                    account.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());
        }
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void watchAllListsTheAccountOnceThenStopsAtJobsItKnowsEnded() {
        addNewest(350, "completed");
        addNewest(3, "in_progress");
        JobPoller poller = watchingAll();

        assertEquals(4, sweep(poller), "the first sweep lists every page: nothing is known yet");
        assertEquals(353, ledger.jobs(SCOPE, JobKind.TASK_RUNS).size());
        assertEquals(3, ledger.inFlight(SCOPE, JobKind.TASK_RUNS).size());

        assertEquals(1, sweep(poller), "page 0 holds the 3 in flight and jobs known to have ended");

        addNewest(150, "registered");
        assertEquals(2, sweep(poller), "new jobs are read until jobs known to have ended are reached");
        assertEquals(153, ledger.inFlight(SCOPE, JobKind.TASK_RUNS).size());
        int bound = (153 + JobPoller.PAGE_SIZE - 1) / JobPoller.PAGE_SIZE + 2;
        assertTrue(sweep(poller) <= bound, "within ceil(in-flight / 100) + 2 whatever the history");
    }

    @Test
    void withoutWatchAllTheSweepReadsOnlyWhatIsInFlight() {
        addNewest(500, "completed");
        for (TaskRun run : account) {
            ledger.recordJob(SCOPE, JobKind.TASK_RUNS, run.name(), run.id(), null);
            ledger.recordStatus(SCOPE, JobKind.TASK_RUNS, run.id(), "completed", null);
        }
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASK_RUNS, source, ledger, new ObjectMapper(), scheduler, Runnable::run,
                NEVER);

        assertEquals(0, sweep(poller), "nothing in flight: no request, whatever the history");

        addNewest(2, "in_progress");
        for (TaskRun run : account.subList(0, 2)) {
            ledger.recordJob(SCOPE, JobKind.TASK_RUNS, run.name(), run.id(), null);
        }
        assertEquals(1, sweep(poller));
        assertEquals(List.of("list 0"), requests);
    }

    @Test
    void jobsInFlightBuriedUnderNewerOnesAreReadInThePagesTheyMovedTo() {
        addNewest(150, "in_progress");
        track(account);
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASK_RUNS, source, ledger, new ObjectMapper(), scheduler,
                Runnable::run, NEVER);
        assertEquals(List.of("list 0", "list 100"), requests(poller));

        addNewest(5_000, "completed"); // another application's runs, on top of ours
        setStatus("completed");
        assertEquals(List.of("list 0", "list 5000", "list 5100"), requests(poller),
                "the top, then the two pages ours moved to");
        assertTrue(ledger.inFlight(SCOPE, JobKind.TASK_RUNS).isEmpty(), "every run was seen to end");
    }

    @Test
    void afterARestartJobsNeverListedAreFoundOnePageDeeperEachOtherSweep() {
        addNewest(150, "in_progress");
        track(account);
        addNewest(1_000, "completed");
        JobPoller restarted = new JobPoller(SCOPE, JobKind.TASK_RUNS, source, ledger, new ObjectMapper(), scheduler,
                Runnable::run, NEVER);
        int bound = (150 + JobPoller.PAGE_SIZE - 1) / JobPoller.PAGE_SIZE + 2;

        int sweeps = 0;
        while (!requests(restarted).equals(List.of("list 0", "list 1000", "list 1100"))) {
            assertTrue(requests.size() <= bound, "sweep " + sweeps + ": " + requests);
            assertTrue(++sweeps <= 2 * 1_000 / JobPoller.PAGE_SIZE, "never placed: " + requests);
        }
        setStatus("completed");
        assertEquals(List.of("list 0", "list 1000", "list 1100"), requests(restarted));
        assertTrue(ledger.inFlight(SCOPE, JobKind.TASK_RUNS).isEmpty());
    }

    private void track(List<TaskRun> runs) {
        for (TaskRun run : runs) {
            ledger.recordJob(SCOPE, JobKind.TASK_RUNS, run.name(), run.id(), null);
        }
    }

    /** Sets every run the ledger tracks in flight to {@code status}. */
    private void setStatus(String status) {
        List<String> inFlight = ledger.inFlight(SCOPE, JobKind.TASK_RUNS).stream().map(TrackedJob::id).toList();
        account.replaceAll(r -> inFlight.contains(r.id()) ? run(r.id(), status) : r);
    }

    /** Runs one sweep and returns what it requested. */
    private List<String> requests(JobPoller poller) {
        sweep(poller);
        return List.copyOf(requests);
    }

    private JobPoller watchingAll() {
        JobPoller poller = new JobPoller(SCOPE, JobKind.TASK_RUNS, source, ledger, new ObjectMapper(), scheduler, Runnable::run,
                NEVER);
        poller.hold(this, true);
        return poller;
    }

    /** Runs one sweep and returns the requests it sent. */
    private int sweep(JobPoller poller) {
        requests.clear();
        poller.sweep().join();
        assertEquals(requests.size(), poller.lastSweepRequests());
        return requests.size();
    }

    private void addNewest(int count, String status) {
        List<TaskRun> added = new ArrayList<>();
        int base = account.size();
        for (int i = 0; i < count; i++) {
            String id = "run-" + (base + i);
            added.add(0, run(id, status));
        }
        account.addAll(0, added);
    }

    private static TaskRun run(String id, String status) {
        return new TaskRun(id, "name-" + id, "t", "task", "f", "feature", status, null, null, null, null, null, null);
    }
}
