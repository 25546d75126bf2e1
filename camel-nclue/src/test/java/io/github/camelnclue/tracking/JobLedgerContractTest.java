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

import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link JobLedger} shares, run against each implementation by a subclass.
 */
abstract class JobLedgerContractTest {

    static final String SCOPE = "https://nclue.example.com|key-a";
    static final String OTHER_SCOPE = "https://nclue.example.com|key-b";
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

    /** Makes the next record strictly younger, whatever the resolution of the ledger's clock. */
    private static void pause() throws InterruptedException {
        Thread.sleep(2);
    }
}
