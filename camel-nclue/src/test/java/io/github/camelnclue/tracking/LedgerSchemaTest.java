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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC ledger's versioned schema on a real PostgreSQL: created, adopted, migrated once, newer refused. */
class LedgerSchemaTest {

    private static DataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = EmbeddedPostgresSupport.newDataSource("ledger_schema_test");
    }

    @Test
    void aNewDatabaseGetsTheLatestVersion() throws Exception {
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource, "fresh_")) {
            ledger.start();
        }
        assertEquals(allVersions("fresh_"), versions("fresh_"), "every migration once, in order");
    }

    @Test
    void tablesFromBeforeTheVersionTableAreAdoptedWithTheirRows() throws Exception {
        // what the first release created: the tables without a version table
        execute(new LedgerSql("old_").createTables());
        execute(List.of("INSERT INTO old_jobs (scope, kind, name, id, created_at) "
                        + "VALUES ('s', 'tasks', 'nightly', 't-1', now())"));
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource, "old_")) {
            ledger.start();
            assertEquals("t-1", ledger.findByName("s", JobKind.TASKS, "nightly").orElseThrow().id());
        }
        assertEquals(1, versions("old_").get(0));
    }

    @Test
    void versionOneRowsGetTheirCountsEndsAndPendingChanges() throws Exception {
        // a database at version 1: jobs, statuses and what a consumer emitted, without the outbox
        execute(new LedgerSql("v1_").createTables());
        execute(List.of("CREATE TABLE v1_schema_version (version INTEGER PRIMARY KEY, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "INSERT INTO v1_schema_version (version, applied_at) VALUES (1, now())",
                "INSERT INTO v1_jobs (scope, kind, name, id, created_at) VALUES "
                + "('s', 'tasks', 'done', 't-1', now() - interval '1 minute'), ('s', 'tasks', 'running', 't-2', now())",
                "INSERT INTO v1_statuses (scope, kind, id, seq, status, observed_at) VALUES "
                + "('s', 'tasks', 't-1', 1, 'in_progress', now()), ('s', 'tasks', 't-1', 2, 'completed', now()), "
                + "('s', 'tasks', 't-2', 1, 'in_progress', now())",
                "INSERT INTO v1_emitted (consumer_id, scope, kind, id, count) VALUES ('route', 's', 'tasks', 't-1', 1)"));

        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource, "v1_")) {
            ledger.start();

            assertEquals(List.of("t-2"), ledger.inFlight("s", JobKind.TASKS).stream().map(TrackedJob::id).toList());
            assertTrue(ledger.isKnownConsumer("route", "s", JobKind.TASKS));
            List<PendingJob> pending = ledger.pendingChanges("route", "s", JobKind.TASKS, 0);
            assertEquals(List.of("t-1", "t-2"), pending.stream().map(p -> p.job().id()).toList());
            assertEquals(List.of(1, 0), pending.stream().map(PendingJob::emitted).toList());
            // the counts are right: emitting the rest empties the outbox
            ledger.markEmitted("route", "s", JobKind.TASKS, "t-1", 2);
            ledger.markEmitted("route", "s", JobKind.TASKS, "t-2", 1);
            assertTrue(ledger.pendingChanges("route", "s", JobKind.TASKS, 0).isEmpty());
        }
        assertEquals(allVersions("v1_"), versions("v1_"));
    }

    @Test
    void instancesStartingTogetherMigrateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(() -> {
                    new JdbcJobLedger(dataSource, "race_").start();
                    return null;
                });
            }
            for (Future<Void> start : pool.invokeAll(starts)) {
                start.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(allVersions("race_"), versions("race_"));
    }

    @Test
    void aDatabaseOfANewerComponentIsRefused() throws Exception {
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource, "newer_")) {
            ledger.start();
        }
        execute(List.of("INSERT INTO newer_schema_version (version, applied_at) VALUES (99, now())"));

        SQLException e = assertThrows(SQLException.class, () -> new JdbcJobLedger(dataSource, "newer_").start());

        assertTrue(e.getMessage().contains("schema version 99, newer than this component's"), e.getMessage());
    }

    private static void execute(List<String> statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<Integer> allVersions(String prefix) {
        return IntStream.rangeClosed(1, new LedgerSchema(prefix).latestVersion()).boxed().toList();
    }

    private static List<Integer> versions(String prefix) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + prefix + "schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}
