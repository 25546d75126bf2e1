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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC ledger's versioned schema on a real PostgreSQL: created, adopted, migrated once, newer refused. */
class LedgerSchemaTest {

    private static final String API = "https://nclue.apigw.ntruss.com";
    private static final String KEY = "PLAIN_ACCESS_KEY";

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
    void versionFourScopesAreHashedInEveryTableWithNothingLost() throws Exception {
        // a database at version 4, as the component wrote it before scopes were hashed: the access key in each scope
        String plain = API + "|" + KEY;
        String otherPlain = API + "|OTHER_ACCESS_KEY";
        String namespace = JobLeadership.namespace(plain, JobKind.TASKS);
        execute(List.of("CREATE TABLE v4_schema_version (version INTEGER PRIMARY KEY, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
        List<List<String>> migrations = new LedgerSchema("v4_").migrations();
        for (int version = 1; version <= 4; version++) {
            execute(migrations.get(version - 1));
            execute(List.of("INSERT INTO v4_schema_version (version, applied_at) VALUES (" + version + ", now())"));
        }
        execute(List.of(
                "INSERT INTO v4_jobs (scope, kind, name, id, created_at, status_count, terminal_at) VALUES "
                + "('" + plain + "', 'tasks', 'done', 't-1', now() - interval '2 minutes', 2, now()), "
                + "('" + plain + "', 'tasks', 'running', 't-2', now() - interval '1 minute', 1, NULL), "
                + "('" + plain + "', 'tasks', 'intent', NULL, now(), 0, NULL), "
                + "('" + otherPlain + "', 'tasks', 'other', 't-3', now(), 1, NULL)",
                "INSERT INTO v4_statuses (scope, kind, id, seq, status, observed_at) VALUES "
                + "('" + plain + "', 'tasks', 't-1', 1, 'in_progress', now()), "
                + "('" + plain + "', 'tasks', 't-1', 2, 'completed', now()), "
                + "('" + plain + "', 'tasks', 't-2', 1, 'in_progress', now()), "
                + "('" + otherPlain + "', 'tasks', 't-3', 1, 'in_progress', now())",
                "INSERT INTO v4_consumers (consumer_id, scope, kind, registered_at) VALUES "
                + "('route', '" + plain + "', 'tasks', now())",
                "INSERT INTO v4_emitted (consumer_id, scope, kind, id, count) VALUES "
                + "('route', '" + plain + "', 'tasks', 't-1', 1)",
                "INSERT INTO v4_pending (consumer_id, scope, kind, id, status_count) VALUES "
                + "('route', '" + plain + "', 'tasks', 't-1', 2), ('route', '" + plain + "', 'tasks', 't-2', 1)",
                "INSERT INTO v4_leads (namespace, epoch, taken_at) VALUES ('" + namespace + "', 3, now())"));
        List<Integer> rows = rowCounts("v4_");

        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource, "v4_")) {
            ledger.start();

            String scope = AccountScope.of(API, KEY);
            assertEquals(List.of(scope, AccountScope.of(API, "OTHER_ACCESS_KEY")), scopes("v4_"));
            assertEquals(rows, rowCounts("v4_"), "every row kept");
            try (Connection c = dataSource.getConnection()) {
                assertEquals(List.of(), EmbeddedPostgresSupport.rowsHolding(c, "v4_", KEY), "no row holds the key");
            }
            assertEquals(List.of("done", "running", "intent"),
                    ledger.jobs(scope, JobKind.TASKS).stream().map(TrackedJob::name).toList());
            assertEquals(List.of("in_progress", "completed"), ledger.findById(scope, JobKind.TASKS, "t-1")
                    .orElseThrow().statuses().stream().map(StatusObservation::status).toList());
            assertEquals(List.of("t-2"), ledger.inFlight(scope, JobKind.TASKS).stream().map(TrackedJob::id).toList());
            assertEquals(1, ledger.emittedCount("route", scope, JobKind.TASKS, "t-1"));
            assertTrue(ledger.isKnownConsumer("route", scope, JobKind.TASKS));
            assertEquals(List.of("t-1:1", "t-2:0"), ledger.pendingChanges("route", scope, JobKind.TASKS, 0).stream()
                    .map(p -> p.job().id() + ":" + p.emitted()).toList());
            assertEquals(List.of("t-3"), ledger.inFlight(AccountScope.of(API, "OTHER_ACCESS_KEY"), JobKind.TASKS)
                    .stream().map(TrackedJob::id).toList());
            // the namespace of the account did not change: its lease goes on from the epoch it had
            assertEquals(4, ledger.takeLead(JobLeadership.namespace(scope, JobKind.TASKS)).epoch());
        }
        assertEquals(allVersions("v4_"), versions("v4_"));
    }

    @Test
    void theSqlHashOfAPlainScopeIsTheJavaOne() throws Exception {
        List<String> plain = List.of(API + "|" + KEY, "http://127.0.0.1:8080|k", "https://ü.example.com|kéy✓",
                "https://x.example.com|a|b");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + LedgerSql.hashedScope("scope") + " FROM (VALUES (CAST(? AS VARCHAR))) v (scope)")) {
            for (String scope : plain) {
                ps.setString(1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(AccountScope.migrated(scope), rs.getString(1), scope);
                }
            }
        }
        assertEquals(AccountScope.of(API, KEY), AccountScope.migrated(plain.get(0)));
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

    private static final List<String> SCOPED_TABLES = List.of("jobs", "statuses", "emitted", "consumers", "pending");

    /** The rows of each table of the ledger, leads included. */
    private static List<Integer> rowCounts(String prefix) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        for (String table : Stream.concat(SCOPED_TABLES.stream(), Stream.of("leads")).toList()) {
            counts.add(Integer.parseInt(query("SELECT count(*) FROM " + prefix + table).get(0)));
        }
        return counts;
    }

    /** The scopes of every table, each once, in order. */
    private static List<String> scopes(String prefix) throws SQLException {
        return query(SCOPED_TABLES.stream().map(table -> "SELECT scope FROM " + prefix + table)
                .collect(Collectors.joining(" UNION ")) + " ORDER BY 1");
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
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
