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
        assertEquals(List.of(new LedgerSchema("fresh_").latestVersion()), versions("fresh_"));
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
        assertEquals(List.of(new LedgerSchema("race_").latestVersion()), versions("race_"));
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
