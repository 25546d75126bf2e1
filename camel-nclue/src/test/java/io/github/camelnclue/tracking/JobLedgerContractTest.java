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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link JobLedger} shares, run against each implementation by a subclass.
 */
abstract class JobLedgerContractTest {

    static final String SCOPE = AccountScope.of("https://nclue.example.com", "key-a");
    static final String OTHER_SCOPE = AccountScope.of("https://nclue.example.com", "key-b");
    static final JobKind KIND = JobKind.TASK_RUNS;

    protected JobLedger ledger;

    /** A started ledger with nothing recorded. */
    protected abstract JobLedger newLedger() throws Exception;

    @BeforeEach
    void openLedger() throws Exception {
        ledger = newLedger();
    }

    @AfterEach
    void closeLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void intentThenJobReplacesTheIntent() {
        ledger.recordIntent(SCOPE, KIND, "nightly");

        TrackedJob intent = ledger.findByName(SCOPE, KIND, "nightly").orElseThrow();
        assertTrue(intent.isIntent());
        assertNull(intent.recordJson());
        assertTrue(intent.statuses().isEmpty());
        assertNotNull(intent.createdAt());
        assertEquals(List.of(intent), ledger.jobs(SCOPE, KIND));

        ledger.recordJob(SCOPE, KIND, "nightly", "run-1", "{\"id\":\"run-1\"}");

        TrackedJob job = ledger.findByName(SCOPE, KIND, "nightly").orElseThrow();
        assertFalse(job.isIntent());
        assertEquals("run-1", job.id());
        assertEquals("{\"id\":\"run-1\"}", job.recordJson());
        assertEquals(intent.createdAt(), job.createdAt(), "the job keeps the time of its intent");
        assertEquals(job, ledger.findById(SCOPE, KIND, "run-1").orElseThrow());
        assertEquals(List.of(job), ledger.jobs(SCOPE, KIND));
    }

    @Test
    void recordIntentDoesNothingForARecordedName() {
        ledger.recordIntent(SCOPE, KIND, "a");
        TrackedJob first = ledger.findByName(SCOPE, KIND, "a").orElseThrow();
        ledger.recordIntent(SCOPE, KIND, "a");
        assertEquals(List.of(first), ledger.jobs(SCOPE, KIND));

        ledger.recordJob(SCOPE, KIND, "b", "id-b", null);
        ledger.recordIntent(SCOPE, KIND, "b");
        assertEquals("id-b", ledger.findByName(SCOPE, KIND, "b").orElseThrow().id());
    }

    @Test
    void forgetIntentDropsAnIntentButNeverAJob() {
        ledger.recordIntent(SCOPE, KIND, "refused");
        ledger.recordJob(SCOPE, KIND, "created", "id-c", null);

        ledger.forgetIntent(SCOPE, KIND, "refused");
        ledger.forgetIntent(SCOPE, KIND, "created");

        assertTrue(ledger.findByName(SCOPE, KIND, "refused").isEmpty());
        assertEquals("id-c", ledger.findByName(SCOPE, KIND, "created").orElseThrow().id());
        assertEquals(1, ledger.jobs(SCOPE, KIND).size());
    }

    @Test
    void forgetDropsTheJobAndWhatWasEmittedSoItsNameCanBeCreatedAgain() {
        ledger.recordJob(SCOPE, KIND, "nightly", "run-1", "{\"id\":\"run-1\"}");
        ledger.recordStatus(SCOPE, KIND, "run-1", "deleted", null);
        ledger.markEmitted("route-a", SCOPE, KIND, "run-1", 1);
        ledger.recordJob(OTHER_SCOPE, KIND, "nightly", "run-1", null);

        ledger.forget(SCOPE, KIND, "run-1");
        ledger.forget(SCOPE, KIND, "unknown");

        assertTrue(ledger.findById(SCOPE, KIND, "run-1").isEmpty());
        assertTrue(ledger.findByName(SCOPE, KIND, "nightly").isEmpty());
        assertEquals(0, ledger.emittedCount("route-a", SCOPE, KIND, "run-1"));
        assertTrue(ledger.findById(OTHER_SCOPE, KIND, "run-1").isPresent(), "other scopes keep their jobs");
        ledger.recordIntent(SCOPE, KIND, "nightly");
        ledger.recordJob(SCOPE, KIND, "nightly", "run-2", null);
        assertEquals("run-2", ledger.findByName(SCOPE, KIND, "nightly").orElseThrow().id());
    }

    @Test
    void recordJobIsIdempotent() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{\"v\":1}");
        TrackedJob first = ledger.findByName(SCOPE, KIND, "a").orElseThrow();

        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{\"v\":1}");
        ledger.recordJob(SCOPE, KIND, "a", "id-2", "{\"v\":2}");

        assertEquals(first, ledger.findByName(SCOPE, KIND, "a").orElseThrow());
        assertTrue(ledger.findById(SCOPE, KIND, "id-2").isEmpty());
        assertEquals(1, ledger.jobs(SCOPE, KIND).size());
    }

    @Test
    void countByLastStatusCountsEachJobOnceUnderItsLastStatus() {
        ledger.recordIntent(SCOPE, KIND, "intent");
        ledger.recordJob(SCOPE, KIND, "new", "id-0", null);
        for (String id : List.of("id-1", "id-2")) {
            ledger.recordJob(SCOPE, KIND, "name-" + id, id, null);
            ledger.recordStatus(SCOPE, KIND, id, "RUNNING", null);
        }
        ledger.recordStatus(SCOPE, KIND, "id-2", "SUCCEEDED", null);
        ledger.recordJob(OTHER_SCOPE, KIND, "other", "id-3", null);
        ledger.recordStatus(OTHER_SCOPE, KIND, "id-3", "RUNNING", null);

        assertEquals(Map.of(JobLedger.INTENT, 1, "null", 1, "RUNNING", 1, "SUCCEEDED", 1),
                ledger.countByLastStatus(SCOPE, KIND));
    }

    @Test
    void recordStatusAppendsOnlyChanges() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);

        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", null));
        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", null));
        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "SUCCEEDED", null));
        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", "SUCCEEDED", null));
        // a status may come back: only a repeat of the last one is dropped
        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", null));

        TrackedJob job = ledger.findById(SCOPE, KIND, "id-1").orElseThrow();
        assertEquals(List.of("RUNNING", "SUCCEEDED", "RUNNING"),
                job.statuses().stream().map(StatusObservation::status).toList());
        assertEquals("RUNNING", job.lastStatus());
        Instant previous = job.createdAt();
        for (StatusObservation observed : job.statuses()) {
            assertFalse(observed.observedAt().isBefore(previous), "observation times never go back");
            previous = observed.observedAt();
        }
        assertEquals(job, ledger.findByName(SCOPE, KIND, "a").orElseThrow());
    }

    @Test
    void recordStatusKeepsTheLatestRecord() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{\"v\":0}");

        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{\"v\":1}"));
        assertEquals("{\"v\":1}", ledger.findById(SCOPE, KIND, "id-1").orElseThrow().recordJson());

        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{\"v\":2}"));
        assertEquals("{\"v\":2}", ledger.findById(SCOPE, KIND, "id-1").orElseThrow().recordJson());

        // no record keeps the last one; no status appends nothing
        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", null, null));
        TrackedJob job = ledger.findById(SCOPE, KIND, "id-1").orElseThrow();
        assertEquals("{\"v\":2}", job.recordJson());
        assertEquals(1, job.statuses().size());
    }

    @Test
    void recordStatusOfAnUntrackedJobReturnsFalse() {
        ledger.recordIntent(SCOPE, KIND, "a");

        assertFalse(ledger.recordStatus(SCOPE, KIND, "unknown", "RUNNING", "{}"));
        assertTrue(ledger.findById(SCOPE, KIND, "unknown").isEmpty());
        assertTrue(ledger.findByName(SCOPE, KIND, "a").orElseThrow().statuses().isEmpty());
        assertEquals(1, ledger.jobs(SCOPE, KIND).size());
    }

    @Test
    void markEmittedIsPerConsumerAndNeverGoesBack() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        assertEquals(0, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));

        ledger.markEmitted("c1", SCOPE, KIND, "id-1", 2);
        assertEquals(2, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));
        assertEquals(0, ledger.emittedCount("c2", SCOPE, KIND, "id-1"));

        ledger.markEmitted("c1", SCOPE, KIND, "id-1", 1);
        assertEquals(2, ledger.emittedCount("c1", SCOPE, KIND, "id-1"), "a lower count is ignored");

        ledger.markEmitted("c1", SCOPE, KIND, "id-1", 3);
        ledger.markEmitted("c2", SCOPE, KIND, "id-1", 1);
        assertEquals(3, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));
        assertEquals(1, ledger.emittedCount("c2", SCOPE, KIND, "id-1"));
        assertEquals(0, ledger.emittedCount("c1", SCOPE, KIND, "id-2"));
    }

    @Test
    void endedPicksTheJobsThatEndedAmongTheIdsAsked() {
        for (String id : List.of("id-1", "id-2", "id-3")) {
            ledger.recordJob(SCOPE, KIND, "name-" + id, id, null);
            ledger.recordStatus(SCOPE, KIND, id, "in_progress", "{\"id\":\"" + id + "\"}");
        }
        ledger.recordStatus(SCOPE, KIND, "id-1", "completed", null);
        ledger.recordStatus(SCOPE, KIND, "id-3", "failed", null);
        ledger.recordJob(OTHER_SCOPE, KIND, "name-id-2", "id-2", null);
        ledger.recordStatus(OTHER_SCOPE, KIND, "id-2", "completed", null);

        List<TrackedJob> ended = ledger.ended(SCOPE, KIND, List.of("id-1", "id-2", "id-3", "unknown"));

        assertEquals(List.of("id-1", "id-3"), ended.stream().map(TrackedJob::id).sorted().toList());
        TrackedJob first = ended.stream().filter(j -> j.id().equals("id-1")).findFirst().orElseThrow();
        assertEquals(List.of("in_progress", "completed"),
                first.statuses().stream().map(StatusObservation::status).toList());
        assertEquals("{\"id\":\"id-1\"}", first.recordJson());
        assertTrue(ledger.ended(SCOPE, KIND, List.of()).isEmpty());
    }

    @Test
    void aJobThatEndedTakesOnlyTerminalStatuses() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        ledger.recordStatus(SCOPE, KIND, "id-1", "in_progress", "{\"v\":1}");
        ledger.recordStatus(SCOPE, KIND, "id-1", "completed", "{\"v\":2}");

        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", "in_progress", "{\"v\":\"late\"}"),
                "a reply read before the job ended, recorded after it");
        TrackedJob job = ledger.findById(SCOPE, KIND, "id-1").orElseThrow();
        assertEquals(List.of("in_progress", "completed"), job.statuses().stream().map(StatusObservation::status).toList());
        assertEquals("{\"v\":2}", job.recordJson());
        assertTrue(ledger.inFlight(SCOPE, KIND).isEmpty());

        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "deleted", null), "deleted is terminal too");
        assertEquals("deleted", ledger.findById(SCOPE, KIND, "id-1").orElseThrow().lastStatus());
    }

    @Test
    void aLaterLeaseFencesTheEarlierOne() {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        LeaderLease first = ledger.takeLead("nclue-task-runs-1");
        assertTrue(ledger.recordStatus(first, SCOPE, KIND, "id-1", "in_progress", null));

        LeaderLease second = ledger.takeLead("nclue-task-runs-1");
        assertTrue(second.epoch() > first.epoch(), first + " then " + second);
        assertFalse(ledger.holdsLead(first));
        assertTrue(ledger.holdsLead(second));
        assertThrows(NclueLeadershipLostException.class,
                () -> ledger.recordStatus(first, SCOPE, KIND, "id-1", "completed", "{\"stale\":true}"));
        assertThrows(NclueLeadershipLostException.class,
                () -> ledger.markEmitted(first, "c", SCOPE, KIND, "id-1", 0, 1));
        TrackedJob job = ledger.findById(SCOPE, KIND, "id-1").orElseThrow();
        assertEquals(List.of("in_progress"), job.statuses().stream().map(StatusObservation::status).toList(),
                "the deposed leader recorded nothing");
        assertNull(job.recordJson());
        assertEquals(0, ledger.emittedCount("c", SCOPE, KIND, "id-1"));

        assertTrue(ledger.recordStatus(second, SCOPE, KIND, "id-1", "completed", null));
        assertTrue(ledger.markEmitted(second, "c", SCOPE, KIND, "id-1", 0, 2));
        LeaderLease elsewhere = ledger.takeLead("nclue-task-runs-2");
        assertTrue(ledger.holdsLead(elsewhere) && ledger.holdsLead(second), "namespaces are led apart");
        assertTrue(ledger.holdsLead(LeaderLease.ALONE));
    }

    @Test
    void markEmittedUnderALeaseIsCompareAndSet() {
        ledger.registerConsumer("c", SCOPE, KIND, true);
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        ledger.recordStatus(SCOPE, KIND, "id-1", "in_progress", null);
        ledger.recordStatus(SCOPE, KIND, "id-1", "completed", null);
        LeaderLease lease = ledger.takeLead("nclue-task-runs-1");

        assertTrue(ledger.markEmitted(lease, "c", SCOPE, KIND, "id-1", 0, 1));
        assertFalse(ledger.markEmitted(lease, "c", SCOPE, KIND, "id-1", 0, 1), "another emitter marked it first");
        assertFalse(ledger.markEmitted(lease, "c", SCOPE, KIND, "id-1", 2, 3), "ahead of the ledger");
        assertEquals(1, ledger.emittedCount("c", SCOPE, KIND, "id-1"));
        assertEquals(1, ledger.pendingChanges("c", SCOPE, KIND, 0).size());

        assertTrue(ledger.markEmitted(LeaderLease.ALONE, "c", SCOPE, KIND, "id-1", 1, 2));
        assertEquals(2, ledger.emittedCount("c", SCOPE, KIND, "id-1"));
        assertTrue(ledger.pendingChanges("c", SCOPE, KIND, 0).isEmpty());
    }

    @Test
    void findsByNameAndIdAndListsOldestFirst() throws InterruptedException {
        // names out of alphabetical order, so the order can only come from the time of recording
        ledger.recordIntent(SCOPE, KIND, "zeta");
        pause();
        ledger.recordJob(SCOPE, KIND, "alpha", "id-alpha", "{}");
        pause();
        ledger.recordIntent(SCOPE, KIND, "mid");
        pause();
        ledger.recordJob(SCOPE, KIND, "zeta", "id-zeta", null); // replaces the oldest intent, keeps its place

        assertEquals(List.of("zeta", "alpha", "mid"),
                ledger.jobs(SCOPE, KIND).stream().map(TrackedJob::name).toList());
        assertEquals("alpha", ledger.findById(SCOPE, KIND, "id-alpha").orElseThrow().name());
        assertEquals("id-zeta", ledger.findByName(SCOPE, KIND, "zeta").orElseThrow().id());
        assertTrue(ledger.findByName(SCOPE, KIND, "mid").orElseThrow().isIntent());
        assertTrue(ledger.findByName(SCOPE, KIND, "nope").isEmpty());
        assertTrue(ledger.findById(SCOPE, KIND, "nope").isEmpty());
        assertTrue(ledger.jobs(SCOPE, JobKind.FEATURES).isEmpty());
    }

    @Test
    void scopesAndKindsAreIsolated() {
        ledger.recordIntent(SCOPE, KIND, "same");
        ledger.recordJob(OTHER_SCOPE, KIND, "same", "id-1", "{\"scope\":\"b\"}");
        ledger.recordJob(SCOPE, JobKind.FEATURES, "same", "id-1", "{\"kind\":\"features\"}");

        assertTrue(ledger.findByName(SCOPE, KIND, "same").orElseThrow().isIntent());
        assertTrue(ledger.findById(SCOPE, KIND, "id-1").isEmpty());
        assertEquals("{\"scope\":\"b\"}", ledger.findById(OTHER_SCOPE, KIND, "id-1").orElseThrow().recordJson());
        assertEquals("{\"kind\":\"features\"}",
                ledger.findById(SCOPE, JobKind.FEATURES, "id-1").orElseThrow().recordJson());

        assertTrue(ledger.recordStatus(OTHER_SCOPE, KIND, "id-1", "RUNNING", null));
        assertTrue(ledger.recordStatus(SCOPE, JobKind.FEATURES, "id-1", "RUNNING", null));
        assertFalse(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", null));
        assertEquals(1, ledger.findById(OTHER_SCOPE, KIND, "id-1").orElseThrow().statuses().size());
        assertEquals(1, ledger.findById(SCOPE, JobKind.FEATURES, "id-1").orElseThrow().statuses().size());

        ledger.markEmitted("c", OTHER_SCOPE, KIND, "id-1", 1);
        assertEquals(0, ledger.emittedCount("c", SCOPE, JobKind.FEATURES, "id-1"));
        assertEquals(0, ledger.emittedCount("c", SCOPE, KIND, "id-1"));

        assertEquals(1, ledger.jobs(SCOPE, KIND).size());
        assertEquals(1, ledger.jobs(OTHER_SCOPE, KIND).size());
        assertEquals(1, ledger.jobs(SCOPE, JobKind.FEATURES).size());
        assertTrue(ledger.jobs(OTHER_SCOPE, JobKind.FEATURES).isEmpty());
    }

    @Test
    void aNewConsumerStartsFromNowUnlessItReplays() {
        ledger.recordJob(SCOPE, KIND, "old", "id-old", null);
        ledger.recordStatus(SCOPE, KIND, "id-old", "in_progress", null);
        ledger.recordStatus(SCOPE, KIND, "id-old", "completed", null);
        ledger.recordIntent(SCOPE, KIND, "intent");

        assertFalse(ledger.isKnownConsumer("now", SCOPE, KIND));
        assertTrue(ledger.pendingChanges("now", SCOPE, KIND, 0).isEmpty(), "an unknown consumer has nothing");
        assertTrue(ledger.registerConsumer("now", SCOPE, KIND, false));
        assertTrue(ledger.registerConsumer("replay", SCOPE, KIND, true));
        assertTrue(ledger.isKnownConsumer("now", SCOPE, KIND));
        assertFalse(ledger.isKnownConsumer("now", OTHER_SCOPE, KIND));

        assertTrue(ledger.pendingChanges("now", SCOPE, KIND, 0).isEmpty(), "what was recorded counts as emitted");
        assertEquals(2, ledger.emittedCount("now", SCOPE, KIND, "id-old"));
        List<PendingJob> replayed = ledger.pendingChanges("replay", SCOPE, KIND, 0);
        assertEquals(1, replayed.size());
        assertEquals("id-old", replayed.get(0).job().id());
        assertEquals(0, replayed.get(0).emitted());
        assertEquals(2, replayed.get(0).job().statuses().size());

        // a known consumer resumes where it was, whatever it asks for
        ledger.markEmitted("replay", SCOPE, KIND, "id-old", 1);
        assertFalse(ledger.registerConsumer("replay", SCOPE, KIND, false));
        assertFalse(ledger.registerConsumer("now", SCOPE, KIND, true));
        assertEquals(1, ledger.pendingChanges("replay", SCOPE, KIND, 0).get(0).emitted());
        assertTrue(ledger.pendingChanges("now", SCOPE, KIND, 0).isEmpty());
    }

    @Test
    void pendingChangesAreWhatAConsumerHasNotEmitted() throws InterruptedException {
        ledger.registerConsumer("c1", SCOPE, KIND, false);
        ledger.registerConsumer("c2", SCOPE, KIND, false);
        ledger.recordJob(SCOPE, KIND, "a", "id-a", null);
        pause();
        ledger.recordJob(SCOPE, KIND, "b", "id-b", null);
        pause();
        ledger.recordJob(SCOPE, KIND, "c", "id-c", null);
        assertTrue(ledger.pendingChanges("c1", SCOPE, KIND, 0).isEmpty(), "no status yet");

        ledger.recordStatus(SCOPE, KIND, "id-c", "pending", null);
        ledger.recordStatus(SCOPE, KIND, "id-a", "pending", null);
        ledger.recordStatus(SCOPE, KIND, "id-b", "pending", null);
        assertEquals(List.of("id-a", "id-b", "id-c"), ids(ledger.pendingChanges("c1", SCOPE, KIND, 0)),
                "oldest job first");
        assertEquals(List.of("id-a", "id-b"), ids(ledger.pendingChanges("c1", SCOPE, KIND, 2)));

        ledger.markEmitted("c1", SCOPE, KIND, "id-a", 1);
        ledger.markEmitted("c1", SCOPE, KIND, "id-b", 1);
        ledger.markEmitted("c1", SCOPE, KIND, "id-c", 1);
        assertTrue(ledger.pendingChanges("c1", SCOPE, KIND, 0).isEmpty());
        assertEquals(3, ledger.pendingChanges("c2", SCOPE, KIND, 0).size(), "per consumer");

        ledger.recordStatus(SCOPE, KIND, "id-b", "in_progress", "{\"v\":2}");
        ledger.recordStatus(SCOPE, KIND, "id-b", "completed", "{\"v\":3}");
        ledger.recordStatus(SCOPE, KIND, "id-a", "pending", "{\"v\":4}"); // no change
        List<PendingJob> pending = ledger.pendingChanges("c1", SCOPE, KIND, 0);
        assertEquals(1, pending.size());
        assertEquals(1, pending.get(0).emitted());
        assertEquals(List.of("pending", "in_progress", "completed"),
                pending.get(0).job().statuses().stream().map(StatusObservation::status).toList());
        assertEquals("{\"v\":3}", pending.get(0).job().recordJson());

        ledger.markEmitted("c1", SCOPE, KIND, "id-b", 2);
        assertEquals(2, ledger.pendingChanges("c1", SCOPE, KIND, 0).get(0).emitted(), "still one to go");
        ledger.markEmitted("c1", SCOPE, KIND, "id-b", 3);
        assertTrue(ledger.pendingChanges("c1", SCOPE, KIND, 0).isEmpty());
        assertTrue(ledger.pendingChanges("c1", OTHER_SCOPE, KIND, 0).isEmpty());
        assertTrue(ledger.pendingChanges("c1", SCOPE, JobKind.FEATURES, 0).isEmpty());
    }

    @Test
    void markingAChangeEmittedMakesTheConsumerKnown() {
        ledger.recordJob(SCOPE, KIND, "a", "id-a", null);
        ledger.recordStatus(SCOPE, KIND, "id-a", "pending", null);
        ledger.recordJob(SCOPE, KIND, "b", "id-b", null);
        ledger.recordStatus(SCOPE, KIND, "id-b", "pending", null);

        ledger.markEmitted("legacy", SCOPE, KIND, "id-a", 1);

        assertTrue(ledger.isKnownConsumer("legacy", SCOPE, KIND));
        assertEquals(List.of("id-b"), ids(ledger.pendingChanges("legacy", SCOPE, KIND, 0)),
                "it replays what it did not mark");
    }

    @Test
    void inFlightIsTheTrackedJobsNotEnded() throws InterruptedException {
        ledger.recordIntent(SCOPE, KIND, "intent");
        ledger.recordJob(SCOPE, KIND, "new", "id-new", null);
        pause();
        ledger.recordJob(SCOPE, KIND, "running", "id-running", null);
        ledger.recordStatus(SCOPE, KIND, "id-running", "in_progress", null);
        ledger.recordJob(SCOPE, KIND, "done", "id-done", null);
        ledger.recordStatus(SCOPE, KIND, "id-done", "completed", null);
        ledger.recordJob(SCOPE, KIND, "failed", "id-failed", null);
        ledger.recordStatus(SCOPE, KIND, "id-failed", "failed", null);
        ledger.recordJob(OTHER_SCOPE, KIND, "elsewhere", "id-x", null);

        assertEquals(List.of("id-new", "id-running"), ledger.inFlight(SCOPE, KIND).stream().map(TrackedJob::id)
                .toList());

        ledger.recordStatus(SCOPE, KIND, "id-running", "completed", null);
        assertEquals(List.of("id-new"), ledger.inFlight(SCOPE, KIND).stream().map(TrackedJob::id).toList());
        assertEquals("id-new", ledger.inFlight(SCOPE, KIND).get(0).id());
        assertTrue(ledger.inFlight(SCOPE, JobKind.FEATURES).isEmpty());
    }

    @Test
    void pruneForgetsEndedJobsEveryConsumerEmitted() {
        ledger.registerConsumer("c1", SCOPE, KIND, false);
        ledger.registerConsumer("c2", SCOPE, KIND, false);
        ledger.recordIntent(SCOPE, KIND, "intent");
        ledger.recordJob(SCOPE, KIND, "running", "id-running", null);
        ledger.recordStatus(SCOPE, KIND, "id-running", "in_progress", null);
        ledger.recordJob(SCOPE, KIND, "emitted", "id-emitted", null);
        ledger.recordStatus(SCOPE, KIND, "id-emitted", "completed", null);
        ledger.recordJob(SCOPE, KIND, "half", "id-half", null);
        ledger.recordStatus(SCOPE, KIND, "id-half", "failed", null);
        for (String consumer : List.of("c1", "c2")) {
            ledger.markEmitted(consumer, SCOPE, KIND, "id-running", 1);
            ledger.markEmitted(consumer, SCOPE, KIND, "id-emitted", 1);
        }
        ledger.markEmitted("c1", SCOPE, KIND, "id-half", 1);

        assertEquals(0, ledger.prune(Instant.now().minusSeconds(3600)), "ended within the retention period");
        assertEquals(4, ledger.jobs(SCOPE, KIND).size());

        assertEquals(1, ledger.prune(Instant.now().plusSeconds(60)));

        assertTrue(ledger.findByName(SCOPE, KIND, "emitted").isEmpty());
        assertTrue(ledger.findById(SCOPE, KIND, "id-emitted").isEmpty());
        assertEquals(0, ledger.emittedCount("c1", SCOPE, KIND, "id-emitted"));
        assertEquals(List.of("intent", "running", "half"),
                ledger.jobs(SCOPE, KIND).stream().map(TrackedJob::name).toList(),
                "intents, jobs in flight and jobs with changes pending stay");
        // the name is free again
        ledger.recordIntent(SCOPE, KIND, "emitted");
        assertTrue(ledger.findByName(SCOPE, KIND, "emitted").orElseThrow().isIntent());

        ledger.markEmitted("c2", SCOPE, KIND, "id-half", 1);
        assertEquals(1, ledger.prune(Instant.now().plusSeconds(60)));
        assertTrue(ledger.findById(SCOPE, KIND, "id-half").isEmpty());
        assertEquals(0, ledger.prune(Instant.now().plusSeconds(60)));
        assertEquals(List.of("id-running"), ledger.inFlight(SCOPE, KIND).stream().map(TrackedJob::id).toList());
    }

    @Test
    void pruneWithoutConsumersForgetsEndedJobs() {
        ledger.recordJob(SCOPE, JobKind.AI_APPS, "app", "app-1", null);
        ledger.recordStatus(SCOPE, JobKind.AI_APPS, "app-1", "RUNNING", null);
        ledger.recordJob(SCOPE, JobKind.AI_APPS, "app-done", "app-2", null);
        ledger.recordStatus(SCOPE, JobKind.AI_APPS, "app-2", "KILLED", null);

        assertEquals(1, ledger.prune(Instant.now().plusSeconds(60)));
        assertEquals(List.of("app"), ledger.jobs(SCOPE, JobKind.AI_APPS).stream().map(TrackedJob::name).toList());
    }

    private static List<String> ids(List<PendingJob> pending) {
        return pending.stream().map(p -> p.job().id()).toList();
    }

    /** Makes the next record strictly younger, whatever the resolution of the ledger's clock. */
    private static void pause() throws InterruptedException {
        Thread.sleep(2);
    }
}
