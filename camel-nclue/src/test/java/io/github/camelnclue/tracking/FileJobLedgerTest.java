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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on the file ledger, and what it adds: state survives a restart or a crash, a torn last line is
 * ignored, compaction keeps the state, and one directory serves one ledger at a time.
 */
class FileJobLedgerTest extends JobLedgerContractTest {

    @TempDir
    Path directory;

    @Override
    protected JobLedger newLedger() throws Exception {
        return started(new FileJobLedger(directory));
    }

    @Test
    void reopeningRestoresTheSameState() throws Exception {
        recordSomeJobs(ledger);
        List<TrackedJob> before = ledger.jobs(SCOPE, KIND);

        ledger.close();
        ledger = started(new FileJobLedger(directory));

        assertEquals(before, ledger.jobs(SCOPE, KIND), "names, ids, statuses, records and times");
        assertEquals(2, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));
        assertEquals(1, ledger.emittedCount("c2", SCOPE, KIND, "id-1"));
        assertTrue(ledger.findByName(SCOPE, JobKind.FEATURES, "f").orElseThrow().isIntent());
        // the rules still apply to what was loaded
        assertEquals(false, ledger.recordStatus(SCOPE, KIND, "id-1", "SUCCEEDED", null));
        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-2", "FAILED", null));
    }

    @Test
    void aForgottenJobStaysForgottenAfterReopening() throws Exception {
        recordSomeJobs(ledger);
        ledger.forget(SCOPE, KIND, "id-1");
        List<TrackedJob> before = ledger.jobs(SCOPE, KIND);

        ledger.close();
        ledger = started(new FileJobLedger(directory));

        assertEquals(before, ledger.jobs(SCOPE, KIND));
        assertTrue(ledger.findById(SCOPE, KIND, "id-1").isEmpty());
        assertEquals(0, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));
    }

    @Test
    void acknowledgedWritesAreOnDiskWithoutAClose() throws Exception {
        recordSomeJobs(ledger);
        // what a crash leaves: the journal as it is now, without a lock holder
        Path copy = Files.createDirectory(directory.resolve("copy"));
        Files.copy(directory.resolve(FileJobLedger.JOURNAL), copy.resolve(FileJobLedger.JOURNAL));

        try (JobLedger recovered = started(new FileJobLedger(copy))) {
            assertEquals(ledger.jobs(SCOPE, KIND), recovered.jobs(SCOPE, KIND));
            assertEquals(2, recovered.emittedCount("c1", SCOPE, KIND, "id-1"));
        }
    }

    @Test
    void aTornLastLineIsIgnored() throws Exception {
        recordSomeJobs(ledger);
        List<TrackedJob> before = ledger.jobs(SCOPE, KIND);
        ledger.close();
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        Files.writeString(journal, "{\"e\":\"status\",\"at\":\"2024-01-01T00:00:00Z\",\"sco",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ledger = started(new FileJobLedger(directory));
        assertEquals(before, ledger.jobs(SCOPE, KIND));
        assertTrue(ledger.recordStatus(SCOPE, KIND, "id-2", "FAILED", null), "the ledger writes on after it");

        ledger.close();
        ledger = started(new FileJobLedger(directory));
        assertEquals("FAILED", ledger.findById(SCOPE, KIND, "id-2").orElseThrow().lastStatus());
    }

    @Test
    void aCorruptLineInsideTheJournalStopsTheStart() throws Exception {
        recordSomeJobs(ledger);
        ledger.close();
        ledger = null;
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        lines.set(1, "garbage");
        Files.write(journal, lines);

        Exception e = assertThrows(Exception.class, () -> new FileJobLedger(directory).start());
        assertTrue(e.getMessage().contains(journal.toString()), e.getMessage());
        // the failed start released the lock
        started(new FileJobLedger(directory.resolve("other"))).close();
    }

    @Test
    void compactionKeepsTheState() throws Exception {
        ledger.close();
        ledger = started(new FileJobLedger(directory, 10));
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        int appended = 0;
        for (int i = 0; i < 30; i++) {
            ledger.recordJob(SCOPE, KIND, "job-" + i, "id-" + i, "{\"n\":" + i + "}");
            for (int poll = 0; poll < 5; poll++) {
                ledger.recordStatus(SCOPE, KIND, "id-" + i, "RUNNING", "{\"n\":" + i + ",\"poll\":" + poll + "}");
            }
            ledger.markEmitted("c", SCOPE, KIND, "id-" + i, 1);
            appended += 7;
            // a snapshot holds a line a job and one for the consumer; compacted once more lines than the last
            // snapshot (at least 10) were appended
            int snapshot = (i + 1) + 1;
            assertTrue(Files.readAllLines(journal).size() <= 2 * snapshot + 11, "compacted");
        }
        assertTrue(Files.readAllLines(journal).size() < appended);
        List<TrackedJob> before = ledger.jobs(SCOPE, KIND);
        assertEquals(30, before.size());

        ledger.close();
        ledger = started(new FileJobLedger(directory, 10));
        assertEquals(before, ledger.jobs(SCOPE, KIND));
        assertEquals(1, ledger.emittedCount("c", SCOPE, KIND, "id-29"));
        assertEquals("{\"n\":7,\"poll\":4}", ledger.findById(SCOPE, KIND, "id-7").orElseThrow().recordJson());
    }

    @Test
    void startCompactsTheJournalToTheCurrentState() throws Exception {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        for (int i = 0; i < 20; i++) {
            ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{\"poll\":" + i + "}");
        }
        ledger.close();
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        assertEquals(21, Files.readAllLines(journal).size());

        ledger = started(new FileJobLedger(directory));
        assertEquals(1, Files.readAllLines(journal).size(), "one line: the job with its status");
        assertEquals("{\"poll\":19}", ledger.findById(SCOPE, KIND, "id-1").orElseThrow().recordJson());
    }

    @Test
    void aRestartKeepsKnownConsumersAndTheirPendingChanges() throws Exception {
        recordSomeJobs(ledger);
        ledger.registerConsumer("fresh", SCOPE, KIND, false);
        ledger.recordStatus(SCOPE, KIND, "id-2", "completed", null);
        List<PendingJob> c1 = ledger.pendingChanges("c1", SCOPE, KIND, 0);
        List<PendingJob> fresh = ledger.pendingChanges("fresh", SCOPE, KIND, 0);
        assertEquals(List.of("id-2"), fresh.stream().map(p -> p.job().id()).toList());

        ledger.close();
        ledger = started(new FileJobLedger(directory));

        assertTrue(ledger.isKnownConsumer("fresh", SCOPE, KIND));
        assertFalse(ledger.registerConsumer("fresh", SCOPE, KIND, false), "known: it resumes");
        assertEquals(fresh, ledger.pendingChanges("fresh", SCOPE, KIND, 0));
        assertEquals(c1, ledger.pendingChanges("c1", SCOPE, KIND, 0));
        assertEquals(List.of("id-1"), ledger.inFlight(SCOPE, KIND).stream().map(TrackedJob::id).toList(),
                "SUCCEEDED is not an NCLUE status: id-1 counts as in flight");
    }

    @Test
    void prunedJobsStayPrunedAndLeaveTheSnapshot() throws Exception {
        for (int i = 0; i < 50; i++) {
            ledger.recordJob(SCOPE, KIND, "job-" + i, "id-" + i, "{\"n\":" + i + "}");
            ledger.recordStatus(SCOPE, KIND, "id-" + i, i < 40 ? "completed" : "in_progress", null);
        }
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        long before = Files.size(journal);

        assertEquals(40, ledger.prune(Instant.now().plusSeconds(60)));
        assertTrue(Files.size(journal) < before / 4, "compacted without the pruned jobs");
        List<TrackedJob> kept = ledger.jobs(SCOPE, KIND);
        assertEquals(10, kept.size());

        ledger.close();
        ledger = started(new FileJobLedger(directory));
        assertEquals(kept, ledger.jobs(SCOPE, KIND));
        assertTrue(ledger.findByName(SCOPE, KIND, "job-0").isEmpty());
        assertEquals(10, ledger.inFlight(SCOPE, KIND).size());
    }

    @Test
    void aCompactJournalIsNotRewrittenAtStart() throws Exception {
        recordSomeJobs(ledger);
        ledger.close();
        ledger = started(new FileJobLedger(directory)); // compacts what the calls appended
        ledger.close();
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        Object fileKey = Files.readAttributes(journal, BasicFileAttributes.class).fileKey();
        String content = Files.readString(journal);

        ledger = started(new FileJobLedger(directory));

        assertEquals(content, Files.readString(journal));
        Object after = Files.readAttributes(journal, BasicFileAttributes.class).fileKey();
        if (fileKey != null) {
            assertEquals(fileKey, after, "the same file: not replaced by a rename");
        }
        assertEquals(2, ledger.emittedCount("c1", SCOPE, KIND, "id-1"));
    }

    @Test
    void unchangedStateWritesNothing() throws Exception {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{}");
        ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{}");
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        long size = Files.size(journal);

        ledger.recordIntent(SCOPE, KIND, "a");
        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{}");
        ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{}");
        ledger.recordStatus(SCOPE, KIND, "unknown", "RUNNING", "{}");
        ledger.markEmitted("c", SCOPE, KIND, "id-1", 0);

        assertEquals(size, Files.size(journal));
    }

    @Test
    void aJournalWithPlainScopesKeepsEveryJobAndLosesItsAccessKeysAtStart() throws Exception {
        // what the component wrote before scopes were hashed: "<base URL>|<access key>" on every line
        String plain = "https://nclue.example.com|PLAIN_ACCESS_KEY";
        ledger.registerConsumer("c1", plain, KIND, true);
        ledger.recordJob(plain, KIND, "a", "id-1", "{\"v\":1}");
        ledger.recordStatus(plain, KIND, "id-1", "RUNNING", null);
        ledger.recordStatus(plain, KIND, "id-1", "SUCCEEDED", null);
        ledger.markEmitted("c1", plain, KIND, "id-1", 1);
        ledger.recordJob(plain, KIND, "b", "id-2", null);
        ledger.recordStatus(plain, KIND, "id-2", "RUNNING", null);
        ledger.recordIntent(plain, JobKind.FEATURES, "f");
        List<TrackedJob> before = ledger.jobs(plain, KIND);
        ledger.close();
        Path journal = directory.resolve(FileJobLedger.JOURNAL);
        assertTrue(Files.readString(journal).contains("PLAIN_ACCESS_KEY"));
        // and a kill -9 in the middle of a rewrite left a partial copy beside it
        Path partial = directory.resolve(FileJobLedger.JOURNAL + ".tmp");
        Files.writeString(partial, "{\"e\":\"snap\",\"at\":0,\"sco");

        ledger = started(new FileJobLedger(directory));

        String scope = AccountScope.of("https://nclue.example.com", "PLAIN_ACCESS_KEY");
        List<TrackedJob> rescoped = before.stream().map(job -> new TrackedJob(scope, job.kind(), job.name(), job.id(),
                job.statuses(), job.recordJson(), job.createdAt())).toList();
        assertEquals(rescoped, ledger.jobs(scope, KIND), "every job, under its new scope");
        assertTrue(ledger.findByName(scope, JobKind.FEATURES, "f").orElseThrow().isIntent());
        assertEquals(1, ledger.emittedCount("c1", scope, KIND, "id-1"));
        assertEquals(List.of("id-1:1", "id-2:0"), ledger.pendingChanges("c1", scope, KIND, 0).stream()
                .map(p -> p.job().id() + ":" + p.emitted()).toList());
        assertTrue(ledger.jobs(plain, KIND).isEmpty());
        assertFalse(Files.readString(journal).contains("PLAIN_ACCESS_KEY"), "the journal was rewritten");
        assertFalse(Files.exists(partial));

        // what is written from then on is in the new form too, and read back after a restart
        ledger.recordStatus(scope, KIND, "id-2", "SUCCEEDED", null);
        ledger.close();
        ledger = started(new FileJobLedger(directory));
        assertEquals("SUCCEEDED", ledger.findById(scope, KIND, "id-2").orElseThrow().lastStatus());
        assertFalse(Files.readString(journal).contains("PLAIN_ACCESS_KEY"));
    }

    @Test
    void aSecondLedgerOnTheSameDirectoryFailsFast() throws Exception {
        FileJobLedger second = new FileJobLedger(directory);

        IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
        assertTrue(e.getMessage().contains(directory.toAbsolutePath().toString()), e.getMessage());

        ledger.close();
        ledger = started(second);
        ledger.recordIntent(SCOPE, KIND, "a");
    }

    @Test
    void usingALedgerThatIsNotStartedFails() {
        ledger.close();
        assertThrows(IllegalStateException.class, () -> ledger.recordIntent(SCOPE, KIND, "a"));
        assertThrows(IllegalStateException.class, () -> ledger.jobs(SCOPE, KIND));
    }

    private static void recordSomeJobs(JobLedger ledger) {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", "{\"v\":1}");
        ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{\"v\":2}");
        ledger.recordStatus(SCOPE, KIND, "id-1", "SUCCEEDED", "{\"v\":3}");
        ledger.recordIntent(SCOPE, KIND, "b");
        ledger.recordJob(SCOPE, KIND, "b", "id-2", null);
        ledger.recordStatus(SCOPE, KIND, "id-2", "RUNNING", null);
        ledger.recordIntent(SCOPE, KIND, "c");
        ledger.recordIntent(SCOPE, JobKind.FEATURES, "f");
        ledger.markEmitted("c1", SCOPE, KIND, "id-1", 2);
        ledger.markEmitted("c2", SCOPE, KIND, "id-1", 1);
    }

    private static <T extends JobLedger> T started(T ledger) throws Exception {
        ledger.start();
        return ledger;
    }
}
