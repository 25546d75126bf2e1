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

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.model.JobKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on the JDBC ledger against a real (embedded) PostgreSQL, and what it adds: instances on one database
 * share their writes, and racing instances record each change once.
 */
class JdbcJobLedgerTest extends JobLedgerContractTest {

    private static final int THREADS = 8;

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static ExecutorService executor;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresSupport.start();
        dataSource = postgres.getPostgresDatabase();
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected JobLedger newLedger() throws Exception {
        JobLedger ledger = started(new JdbcJobLedger(dataSource));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE nclue_jobs, nclue_statuses, nclue_emitted, nclue_consumers, nclue_pending, nclue_leads");
        }
        return ledger;
    }

    @Test
    void instancesOnOneDatabaseSeeEachOthersWrites() throws Exception {
        try (JobLedger other = started(new JdbcJobLedger(dataSource))) {
            ledger.recordIntent(SCOPE, KIND, "a");
            assertTrue(other.findByName(SCOPE, KIND, "a").orElseThrow().isIntent());

            other.recordJob(SCOPE, KIND, "a", "id-1", "{}");
            assertTrue(ledger.recordStatus(SCOPE, KIND, "id-1", "RUNNING", "{\"v\":1}"));
            assertEquals("RUNNING", other.findById(SCOPE, KIND, "id-1").orElseThrow().lastStatus());
            assertEquals(false, other.recordStatus(SCOPE, KIND, "id-1", "RUNNING", null));

            other.markEmitted("c", SCOPE, KIND, "id-1", 1);
            assertEquals(1, ledger.emittedCount("c", SCOPE, KIND, "id-1"));
            assertEquals(ledger.jobs(SCOPE, KIND), other.jobs(SCOPE, KIND));
        }
    }

    @Test
    void whatAnOlderInstanceWritesDuringAnUpgradeIsAdoptedWhenALeadIsTaken() throws Exception {
        String key = "UPGRADE_ACCESS_KEY";
        String plain = "https://nclue.example|" + key;
        String hashed = AccountScope.of("https://nclue.example", key);
        // an instance of a version before schema 5, still running on the migrated database, writes plain scopes
        ledger.recordJob(plain, KIND, "old", "o-1", null);
        ledger.recordStatus(plain, KIND, "o-1", "RUNNING", null);
        ledger.markEmitted("c", plain, KIND, "o-1", 1);
        // and both versions recorded one job
        for (String scope : List.of(plain, hashed)) {
            ledger.recordJob(scope, KIND, "both", "b-1", null);
            ledger.recordStatus(scope, KIND, "b-1", "RUNNING", null);
        }

        ledger.takeLead(JobLeadership.namespace(hashed, KIND));

        assertEquals(List.of("o-1", "b-1"), ledger.inFlight(hashed, KIND).stream().map(TrackedJob::id).toList());
        assertEquals(List.of("RUNNING"), ledger.findById(hashed, KIND, "b-1").orElseThrow().statuses().stream()
                .map(StatusObservation::status).toList(), "the job both recorded once");
        assertEquals(1, ledger.emittedCount("c", hashed, KIND, "o-1"));
        assertEquals(List.of(), ledger.jobs(plain, KIND));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), EmbeddedPostgresSupport.rowsHolding(c, JdbcJobLedger.DEFAULT_TABLE_PREFIX, key));
        }
    }

    @Test
    void racingInstancesAppendAStatusOnce() throws Exception {
        try (JobLedger other = started(new JdbcJobLedger(dataSource))) {
            ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
            List<String> statuses = List.of("QUEUED", "RUNNING", "SUCCEEDED");
            for (String status : statuses) {
                List<Boolean> appended = race(i -> (i % 2 == 0 ? ledger : other)
                        .recordStatus(SCOPE, KIND, "id-1", status, "{\"from\":" + i + "}"));
                assertEquals(1, appended.stream().filter(b -> b).count(), status + " appended once");
            }
            TrackedJob job = ledger.findById(SCOPE, KIND, "id-1").orElseThrow();
            assertEquals(statuses, job.statuses().stream().map(StatusObservation::status).toList());
        }
    }

    @Test
    void racingInstancesRecordAJobAndEmittedCountsOnce() throws Exception {
        try (JobLedger other = started(new JdbcJobLedger(dataSource))) {
            race(i -> {
                JobLedger mine = i % 2 == 0 ? ledger : other;
                mine.recordIntent(SCOPE, KIND, "a");
                mine.recordJob(SCOPE, KIND, "a", "id-" + i, null);
                mine.markEmitted("c", SCOPE, KIND, "id-x", i + 1);
                return true;
            });
            assertEquals(1, ledger.jobs(SCOPE, KIND).size());
            String id = ledger.findByName(SCOPE, KIND, "a").orElseThrow().id();
            assertTrue(id.startsWith("id-"), id);
            assertEquals(THREADS, other.emittedCount("c", SCOPE, KIND, "id-x"), "the highest count wins");
        }
    }

    @Test
    void racingEmittersMarkAChangeOnce() throws Exception {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        ledger.recordStatus(SCOPE, KIND, "id-1", "in_progress", null);
        try (JobLedger other = started(new JdbcJobLedger(dataSource))) {
            LeaderLease lease = ledger.takeLead("nclue-task-runs-1");
            List<Boolean> marked = race(i -> (i % 2 == 0 ? ledger : other)
                    .markEmitted(lease, "c", SCOPE, KIND, "id-1", 0, 1));
            assertEquals(1, marked.stream().filter(b -> b).count(), "one emitter wins: " + marked);
            assertEquals(1, other.emittedCount("c", SCOPE, KIND, "id-1"));
        }
    }

    @Test
    void aLeaseTakenByAnotherInstanceFencesThisOne() throws Exception {
        ledger.recordJob(SCOPE, KIND, "a", "id-1", null);
        try (JobLedger successor = started(new JdbcJobLedger(dataSource))) {
            LeaderLease mine = ledger.takeLead("nclue-task-runs-1");
            // taken while writes under the old lease race it: each write lands before the takeover or is refused
            List<Boolean> results = race(i -> {
                if (i == 0) {
                    return successor.takeLead("nclue-task-runs-1").epoch() > mine.epoch();
                }
                try {
                    ledger.recordStatus(mine, SCOPE, KIND, "id-1", "status-" + i, null);
                    return true;
                } catch (NclueLeadershipLostException e) {
                    return false;
                }
            });
            assertTrue(results.get(0));
            assertFalse(ledger.holdsLead(mine));
            int landed = (int) results.stream().skip(1).filter(b -> b).count();
            assertEquals(landed, ledger.findById(SCOPE, KIND, "id-1").orElseThrow().statuses().size(),
                    "exactly the writes that were not refused were recorded: " + results);
            assertThrows(NclueLeadershipLostException.class,
                    () -> ledger.recordStatus(mine, SCOPE, KIND, "id-1", "late", null));
        }
    }

    @Test
    void instancesCanStartTogetherOnAnEmptyDatabase() throws Exception {
        race(i -> {
            started(new JdbcJobLedger(dataSource, "race_")).close();
            return true;
        });
        try (JobLedger prefixed = started(new JdbcJobLedger(dataSource, "race_"))) {
            prefixed.recordJob(SCOPE, KIND, "a", "id-1", null);
            assertTrue(ledger.findByName(SCOPE, KIND, "a").isEmpty(), "other tables, other ledger");
            assertEquals("id-1", prefixed.findByName(SCOPE, KIND, "a").orElseThrow().id());
        }
    }

    @Test
    void rejectsATablePrefixThatIsNotAnIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcJobLedger(dataSource, "x; DROP TABLE y; --"));
    }

    @Test
    void keepsAllKinds() {
        for (JobKind kind : JobKind.values()) {
            ledger.recordJob(SCOPE, kind, "a", "id", null);
            assertEquals(kind, ledger.findById(SCOPE, kind, "id").orElseThrow().kind());
        }
    }

    private interface Contender {
        boolean run(int index) throws Exception;
    }

    /** Runs {@code contender} on all threads at once. */
    private static List<Boolean> race(Contender contender) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            Callable<Boolean> task = () -> {
                ready.countDown();
                go.await();
                return contender.run(index);
            };
            futures.add(executor.submit(task));
        }
        ready.await();
        go.countDown();
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static <T extends JobLedger> T started(T ledger) throws Exception {
        ledger.start();
        return ledger;
    }
}
