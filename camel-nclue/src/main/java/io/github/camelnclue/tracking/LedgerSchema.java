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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The versioned schema of a {@link JdbcJobLedger}: {@code <prefix>schema_version} holds one row per migration applied,
 * and {@link #migrate(Connection)} applies the ones a database lacks, in order, in one transaction. Instances that start
 * together serialize on a transaction-scoped advisory lock, so each migration runs once. A database whose version is
 * newer than this code knows is refused rather than written with an older model.
 * <p>
 * A later change to the tables is a new entry at the end of {@link #migrations()}; an applied entry is never edited.
 */
final class LedgerSchema {

    private final String prefix;
    private final String versions;

    LedgerSchema(String prefix) {
        this.prefix = prefix;
        this.versions = prefix + "schema_version";
    }

    /** Migration {@code i} (0-based) brings the schema to version {@code i + 1}. */
    List<List<String>> migrations() {
        // version 1 is the schema of the first release, created with IF NOT EXISTS: a database made before the
        // schema carried a version adopts version 1 unchanged
        LedgerSql sql = new LedgerSql(prefix);
        return List.of(sql.createTables(), sql.addOutbox(), sql.addSharedQuota(), sql.addLeads(), sql.hashScopes());
    }

    int latestVersion() {
        return migrations().size();
    }

    /**
     * Brings the schema to {@link #latestVersion()}; the caller commits.
     *
     * @return the version the database had before (0 if none)
     */
    int migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // one lock per table prefix, held until the transaction ends
            s.execute("SELECT pg_advisory_xact_lock(" + lockKey() + ")");
            s.execute("CREATE TABLE IF NOT EXISTS " + versions + " (version INTEGER PRIMARY KEY, "
                      + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > latestVersion()) {
            throw new NewerSchemaException("The ledger tables " + prefix + "* are at schema version " + current
                                   + ", newer than this component's " + latestVersion()
                                   + ": run a component version that knows it, or use another table prefix");
        }
        List<List<String>> migrations = migrations();
        for (int version = current + 1; version <= migrations.size(); version++) {
            try (Statement s = c.createStatement()) {
                for (String ddl : migrations.get(version - 1)) {
                    s.execute(ddl);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + versions + " (version, applied_at) VALUES (?, ?)")) {
                ps.setInt(1, version);
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        return current;
    }

    int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + versions)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long lockKey() {
        // a stable 64-bit key for the prefix; a collision with another application's advisory lock only serializes
        return ("camel-nclue:" + versions).hashCode() & 0xffffffffL | 0x4e434c5500000000L;
    }

    /** The database was migrated by a newer component: retrying cannot help. */
    static final class NewerSchemaException extends SQLException {
        NewerSchemaException(String message) {
            super(message);
        }
    }
}
