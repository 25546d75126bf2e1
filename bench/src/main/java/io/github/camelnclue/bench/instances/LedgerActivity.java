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
package io.github.camelnclue.bench.instances;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelnclue.tracking.JdbcJobLedger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the instances asked of the shared PostgreSQL ledger, from the database's own counters
 * ({@code pg_stat_database}, flushed about once a second): connections opened (sessions), transactions, rows read
 * and rows written; and per table, how it was scanned.
 */
final class LedgerActivity {

    /** Counters at one instant; {@link #minus} gives a window's. */
    record Counters(long sessions, long transactions, long rowsRead, long rowsWritten, Map<String, Scans> tables) {

        Counters minus(Counters before) {
            Map<String, Scans> scans = new TreeMap<>();
            tables.forEach((table, now) -> scans.put(table, now.minus(before.tables.getOrDefault(table,
                    new Scans(0, 0, 0, 0)))));
            return new Counters(sessions - before.sessions, transactions - before.transactions,
                    rowsRead - before.rowsRead,
                    rowsWritten - before.rowsWritten, scans);
        }
    }

    /** How one table was read: sequential scans and the rows they read, index scans and the rows they fetched. */
    record Scans(long seqScans, long seqRows, long indexScans, long indexRows) {

        Scans minus(Scans before) {
            return new Scans(seqScans - before.seqScans, seqRows - before.seqRows, indexScans - before.indexScans,
                    indexRows - before.indexRows);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d seq scans (%,d rows), %,d index scans (%,d rows)",
                    seqScans, seqRows, indexScans, indexRows);
        }
    }

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    LedgerActivity(String jdbcUrl) {
        dataSource.setUrl(jdbcUrl);
    }

    /**
     * Gives the planner the tables' statistics, as autovacuum does on a running database within a minute or so of
     * them growing. A database created seconds before has none: the planner then takes each table for one row and
     * joins 900 jobs in flight to their statuses by a nested loop over every status (1.7 s per sweep's read).
     */
    void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** The key's shared request quota row, read on one connection (it is asked every few ms). */
    QuotaRow quotaRow() throws SQLException {
        return new QuotaRow(dataSource.getConnection());
    }

    /** Whether an instance holds the key's shared request quota: it sent a request whose reply is not in. */
    static final class QuotaRow implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement held;

        private QuotaRow(Connection connection) throws SQLException {
            this.connection = connection;
            this.held = connection.prepareStatement("SELECT count(*) FROM " + JdbcJobLedger.DEFAULT_TABLE_PREFIX
                                                    + "quota WHERE holder IS NOT NULL "
                                                    + "AND held_until > clock_timestamp()");
        }

        boolean held() throws SQLException {
            try (ResultSet rs = held.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    Counters read() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sessions, xact_commit + xact_rollback, "
                                              + "tup_returned + tup_fetched, "
                                              + "tup_inserted + tup_updated + tup_deleted FROM pg_stat_database "
                                              + "WHERE datname = current_database()")) {
            rs.next();
            return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), tables(c));
        }
    }

    private static Map<String, Scans> tables(Connection c) throws SQLException {
        Map<String, Scans> tables = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0), "
                                              + "COALESCE(idx_tup_fetch, 0) FROM pg_stat_user_tables")) {
            while (rs.next()) {
                tables.put(rs.getString(1), new Scans(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return tables;
    }
}
