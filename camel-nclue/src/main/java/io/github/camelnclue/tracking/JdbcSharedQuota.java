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
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelnclue.client.SharedQuota;
import io.github.camelnclue.exception.JobLedgerException;

/**
 * The quota shared through PostgreSQL: one row per key holds when the key's next request may go and which process
 * holds the slot until when. A claim locks the row ({@code SELECT ... FOR UPDATE}), so two processes never hold one
 * key at once; every instant is the database's clock, so clocks of the instances need not agree. A claim is leased: its
 * holder renews it while the request runs, and a holder that died frees the slot one lease after its last renewal.
 */
public final class JdbcSharedQuota implements SharedQuota {

    /** How soon a process asks again while another holds the slot (its reply usually comes within this). */
    static final Duration HELD_RECHECK = Duration.ofMillis(50);

    private final DataSource dataSource;
    private final String table;
    private final String holder = UUID.randomUUID().toString();

    /** @param tablePrefix the JDBC ledger's table prefix; its schema creates {@code <prefix>quota} */
    public JdbcSharedQuota(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = tablePrefix + "quota";
    }

    @Override
    public Duration claim(String key, Duration interval, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Duration wait = claim(c, key, lease);
                c.commit();
                return wait;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JobLedgerException("The shared request quota in " + table + " could not be claimed: "
                                         + e.getMessage(), e);
        }
    }

    private Duration claim(Connection c, String key, Duration lease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (key_hash, next_allowed) "
                                                       + "VALUES (?, clock_timestamp()) ON CONFLICT DO NOTHING")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
        long waitMicros;
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE "
                + "WHEN holder IS NOT NULL AND holder <> ? AND held_until > clock_timestamp() THEN -1 "
                + "ELSE GREATEST(0, EXTRACT(EPOCH FROM (next_allowed - clock_timestamp())) * 1000000) END "
                + "FROM " + table + " WHERE key_hash = ? FOR UPDATE")) {
            ps.setString(1, holder);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                waitMicros = rs.getLong(1);
            }
        }
        if (waitMicros < 0) {
            return HELD_RECHECK;
        }
        if (waitMicros > 0) {
            return Duration.ofNanos(waitMicros * 1000);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET holder = ?, "
                + "held_until = clock_timestamp() + ? * INTERVAL '1 millisecond' WHERE key_hash = ?")) {
            ps.setString(1, holder);
            ps.setLong(2, lease.toMillis());
            ps.setString(3, key);
            ps.executeUpdate();
        }
        return Duration.ZERO;
    }

    @Override
    public boolean leased() {
        return true;
    }

    @Override
    public void renew(String key, Duration lease) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET held_until = clock_timestamp() "
                        + "+ ? * INTERVAL '1 millisecond' WHERE key_hash = ? AND holder = ?")) {
            ps.setLong(1, lease.toMillis());
            ps.setString(2, key);
            ps.setString(3, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JobLedgerException("The shared request quota in " + table + " could not be renewed: "
                                         + e.getMessage(), e);
        }
    }

    @Override
    public void release(String key, Duration interval) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET holder = NULL, held_until = NULL, "
                        + "next_allowed = GREATEST(next_allowed, clock_timestamp() + ? * INTERVAL '1 microsecond') "
                        + "WHERE key_hash = ? AND holder = ?")) {
            ps.setLong(1, interval.toNanos() / 1000);
            ps.setString(2, key);
            ps.setString(3, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JobLedgerException("The shared request quota in " + table + " could not be released: "
                                         + e.getMessage(), e);
        }
    }
}
