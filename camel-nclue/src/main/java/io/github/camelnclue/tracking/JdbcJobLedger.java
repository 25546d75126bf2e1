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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelnclue.client.SharedQuota;
import io.github.camelnclue.exception.JobLedgerException;
import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.model.JobKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger in a relational database (PostgreSQL), so that several instances of an application share what they track.
 * {@link #start()} creates or migrates the tables ({@code <prefix>jobs}, {@code <prefix>statuses},
 * {@code <prefix>emitted}, {@code <prefix>consumers} (the known consumers), {@code <prefix>pending} (an outbox: one row
 * per consumer and job with changes it has not emitted, so that a poll is one indexed query whatever the history) and
 * the version table, see {@link LedgerSchema}). Every change is one transaction and idempotent when instances race:
 * unique keys with
 * {@code INSERT ... ON CONFLICT} decide which write wins, and a status is appended under the next sequence number of
 * its job, which only one instance can take.
 * <p>
 * Connections come from the {@link DataSource} as given (pooled or not) and are closed after each call. The rules are
 * those of {@link InMemoryJobLedger}; times are kept to the microsecond, and jobs recorded in the same microsecond are
 * listed by name. Thread safe.
 */
public class JdbcJobLedger implements JobLedger {

    public static final String DEFAULT_TABLE_PREFIX = "nclue_";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Logger LOG = LoggerFactory.getLogger(JdbcJobLedger.class);
    private static final int MAX_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final String prefix;
    private final LedgerSql sql;
    private final LedgerSchema schema;

    public JdbcJobLedger(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE_PREFIX);
    }

    /** @param tablePrefix prepended to the table names; letters, digits and underscores (may be empty) */
    public JdbcJobLedger(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        // the prefix becomes part of SQL text: allow only what is a plain identifier
        if (!tablePrefix.isEmpty() && !IDENTIFIER.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("Invalid table prefix: " + tablePrefix);
        }
        this.prefix = tablePrefix;
        this.sql = new LedgerSql(tablePrefix);
        this.schema = new LedgerSchema(tablePrefix);
    }

    @Override
    public void start() throws SQLException {
        // two instances starting at once can both miss the version table and collide creating it: the loser retries
        for (int attempt = 1;; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    schema.migrate(c);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt >= MAX_ATTEMPTS || e instanceof LedgerSchema.NewerSchemaException) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public boolean recordIntent(String scope, JobKind kind, String name) {
        // ON CONFLICT DO NOTHING: one row inserted, or none because an instance recorded the name first
        return update("record the intent of " + name, sql.insertIntent(), scope, kind.uriName(), name,
                timestamp()) == 1;
    }

    @Override
    public void forgetIntent(String scope, JobKind kind, String name) {
        update("forget the intent of " + name, sql.deleteIntent(), scope, kind.uriName(), name);
    }

    @Override
    public void recordJob(String scope, JobKind kind, String name, String id, String recordJson) {
        update("record the job " + name, sql.upsertJob(), scope, kind.uriName(), name, id, recordJson, timestamp());
    }

    @Override
    public boolean recordStatus(String scope, JobKind kind, String id, String status, String recordJson) {
        return recordStatus(LeaderLease.ALONE, scope, kind, id, status, recordJson);
    }

    @Override
    public boolean recordStatus(LeaderLease lease, String scope, JobKind kind, String id, String status,
            String recordJson) {
        return transaction("record the status of " + id, c -> {
            requireLead(c, lease);
            return recordStatus(c, scope, kind.uriName(), id, status, recordJson);
        });
    }

    private boolean recordStatus(Connection c, String scope, String kind, String id, String status,
            String recordJson) throws SQLException {
        // updating the job row first also locks it: a racing instance waits here and then sees this status
        boolean terminal = status != null && TrackedJob.isTerminal(JobKind.fromUriName(kind), status);
        if (execute(c, sql.updateRecord(), recordJson, scope, kind, id, terminal) == 0) {
            return false; // not a tracked job, or one that ended and this status is older
        }
        if (status == null) {
            return false;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int lastSeq = 0;
            String lastStatus = null;
            try (PreparedStatement ps = prepare(c, sql.selectLastStatus(), scope, kind, id);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lastSeq = rs.getInt(1);
                    lastStatus = rs.getString(2);
                }
            }
            if (status.equals(lastStatus)) {
                return false;
            }
            // the primary key on seq lets only one instance append after lastSeq; a loser reads again
            OffsetDateTime observedAt = timestamp();
            if (execute(c, sql.insertStatus(), scope, kind, id, lastSeq + 1, status, observedAt) == 1) {
                execute(c, sql.updateStatusCount(), lastSeq + 1, terminal ? observedAt : null, scope, kind, id);
                execute(c, sql.insertPendingForConsumers(), id, lastSeq + 1, scope, kind);
                return true;
            }
        }
        throw new SQLException("The statuses of job " + id + " kept changing while appending " + status);
    }

    @Override
    public void forget(String scope, JobKind kind, String id) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String statement : List.of(sql.deletePendingOfJob(), sql.deleteEmitted(), sql.deleteStatuses(),
                        sql.deleteJob())) {
                    execute(c, statement, scope, kind.uriName(), id);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("forget the job " + id, e);
        }
    }

    @Override
    public void markEmitted(String consumerId, String scope, JobKind kind, String id, int count) {
        if (count <= 0) {
            return; // marks nothing
        }
        transaction("mark statuses of " + id + " emitted", c -> {
            register(c, consumerId, scope, kind.uriName(), true);
            execute(c, sql.upsertEmitted(), consumerId, scope, kind.uriName(), id, count);
            execute(c, sql.deletePending(), consumerId, scope, kind.uriName(), id, count);
            return null;
        });
    }

    @Override
    public boolean markEmitted(LeaderLease lease, String consumerId, String scope, JobKind kind, String id,
            int expected, int count) {
        return transaction("mark statuses of " + id + " emitted", c -> {
            requireLead(c, lease);
            register(c, consumerId, scope, kind.uriName(), true);
            boolean marked = execute(c, sql.updateEmittedFrom(), count, consumerId, scope, kind.uriName(), id,
                    expected) == 1
                    || expected == 0
                       && execute(c, sql.insertEmitted(), consumerId, scope, kind.uriName(), id, count) == 1;
            if (marked) {
                execute(c, sql.deletePending(), consumerId, scope, kind.uriName(), id, count);
            }
            return marked;
        });
    }

    @Override
    public LeaderLease takeLead(String namespace) {
        return transaction("take the lead of " + namespace, c -> {
            // what instances of an older version recorded since the last pass is swept by the new leader too
            adoptPlainScopes(c);
            try (PreparedStatement ps = prepare(c, sql.takeLead(), namespace, timestamp());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new LeaderLease(namespace, rs.getLong(1));
            }
        });
    }

    /**
     * Moves the rows an instance of a version before schema 5 wrote (with the access key in their scope, still running
     * during an upgrade) to the hashed scope this version reads.
     */
    private void adoptPlainScopes(Connection c) throws SQLException {
        int rows = 0;
        try (Statement statement = c.createStatement()) {
            for (String adopt : sql.adoptPlainScopes()) {
                rows += statement.executeUpdate(adopt);
            }
        }
        if (rows > 0) {
            LOG.warn("{} ledger rows written by an instance of a camel-nclue version before ledger schema 5 (the "
                     + "access key in their scope) now have the hashed scope; upgrade or stop such instances", rows);
        }
    }

    @Override
    public boolean holdsLead(LeaderLease lease) {
        if (!lease.fenced()) {
            return true;
        }
        return transaction("check the lead of " + lease.namespace(), c -> latestEpoch(c, lease) == lease.epoch());
    }

    /** Fails unless {@code lease} is the latest, which then stays so until the transaction ends. */
    private void requireLead(Connection c, LeaderLease lease) throws SQLException {
        if (lease.fenced() && latestEpoch(c, lease) != lease.epoch()) {
            throw new NclueLeadershipLostException(lease.namespace(), lease.epoch());
        }
    }

    private long latestEpoch(Connection c, LeaderLease lease) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql.selectLeadForShare(), lease.namespace());
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public boolean registerConsumer(String consumerId, String scope, JobKind kind, boolean replay) {
        return transaction("register consumer " + consumerId,
                c -> register(c, consumerId, scope, kind.uriName(), replay));
    }

    private boolean register(Connection c, String consumerId, String scope, String kind, boolean replay)
            throws SQLException {
        if (execute(c, sql.insertConsumer(), consumerId, scope, kind, timestamp()) == 0) {
            return false;
        }
        if (replay) {
            execute(c, sql.insertPendingForReplay(), consumerId, consumerId, scope, kind);
        } else {
            execute(c, sql.insertEmittedFromNow(), consumerId, scope, kind);
        }
        return true;
    }

    @Override
    public boolean isKnownConsumer(String consumerId, String scope, JobKind kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.selectConsumer(), consumerId, scope, kind.uriName());
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw failed("read consumer " + consumerId, e);
        }
    }

    @Override
    public List<PendingJob> pendingChanges(String consumerId, String scope, JobKind kind, int limit) {
        List<PendingJob> pending = new ArrayList<>();
        int[] emitted = new int[1];
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.selectPending(), consumerId, scope, kind.uriName(),
                        limit > 0 ? limit : Integer.MAX_VALUE);
                ResultSet rs = ps.executeQuery()) {
            readJobs(rs, scope, kind, (job, row) -> emitted[0] = row.getInt("emitted"),
                    job -> pending.add(new PendingJob(job, emitted[0])));
            return pending;
        } catch (SQLException e) {
            throw failed("read the pending changes of " + consumerId, e);
        }
    }

    @Override
    public List<TrackedJob> inFlight(String scope, JobKind kind) {
        return query("list jobs in flight", sql.selectInFlight(), scope, kind, null);
    }

    @Override
    public List<TrackedJob> ended(String scope, JobKind kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.selectEndedByIds(), scope, kind.uriName(),
                        c.createArrayOf("varchar", ids.toArray()));
                ResultSet rs = ps.executeQuery()) {
            List<TrackedJob> jobs = new ArrayList<>();
            readJobs(rs, scope, kind, (job, row) -> { }, jobs::add);
            return jobs;
        } catch (SQLException e) {
            throw failed("read which of " + ids.size() + " jobs ended", e);
        }
    }

    @Override
    public int prune(Instant terminalBefore) {
        transaction("move the rows of older versions to hashed scopes", c -> {
            adoptPlainScopes(c);
            return null;
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = prepare(c, sql.prune(),
                    OffsetDateTime.ofInstant(terminalBefore, ZoneOffset.UTC));
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failed("prune jobs ended before " + terminalBefore, e);
        }
    }

    @Override
    public int emittedCount(String consumerId, String scope, JobKind kind, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.selectEmitted(), consumerId, scope, kind.uriName(), id);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failed("read the emitted count of " + id, e);
        }
    }

    @Override
    public Optional<TrackedJob> findById(String scope, JobKind kind, String id) {
        return query("find job " + id, sql.selectJobsById(), scope, kind, id).stream().findFirst();
    }

    @Override
    public Optional<TrackedJob> findByName(String scope, JobKind kind, String name) {
        return query("find job " + name, sql.selectJobsByName(), scope, kind, name).stream().findFirst();
    }

    @Override
    public List<TrackedJob> jobs(String scope, JobKind kind) {
        return query("list jobs", sql.selectJobs(), scope, kind, null);
    }

    @Override
    public Map<String, Integer> countByLastStatus(String scope, JobKind kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql.countByLastStatus(), INTENT, scope, kind.uriName());
                ResultSet rs = ps.executeQuery()) {
            Map<String, Integer> counts = new TreeMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            return counts;
        } catch (SQLException e) {
            throw failed("count the jobs by status", e);
        }
    }

    @Override
    public SharedQuota sharedQuota() {
        return new JdbcSharedQuota(dataSource, prefix);
    }

    @Override
    public void close() {
        // the data source belongs to the caller
    }

    @Override
    public String toString() {
        return "JdbcJobLedger[" + prefix + "*]";
    }

    /** Reads jobs with their statuses in one statement, so the result is one consistent snapshot. */
    private List<TrackedJob> query(String what, String query, String scope, JobKind kind, String key) {
        Object[] params = key == null ? new Object[] { scope, kind.uriName() }
                : new Object[] { scope, kind.uriName(), key };
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, query, params);
                ResultSet rs = ps.executeQuery()) {
            List<TrackedJob> jobs = new ArrayList<>();
            readJobs(rs, scope, kind, (job, row) -> { }, jobs::add);
            return jobs;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Sees the first row of each job of a joined result. */
    private interface RowReader {
        void read(JobRows job, ResultSet row) throws SQLException;
    }

    /** Groups the rows of a joined result (ordered by job, then status) into jobs. */
    private static void readJobs(ResultSet rs, String scope, JobKind kind, RowReader firstRow,
            Consumer<TrackedJob> sink) throws SQLException {
        JobRows rows = null;
        while (rs.next()) {
            String name = rs.getString("name");
            if (rows == null || !rows.name.equals(name)) {
                if (rows != null) {
                    sink.accept(rows.toJob(scope, kind));
                }
                rows = new JobRows(name, rs.getString("id"), rs.getString("record_json"), instant(rs, "created_at"));
                firstRow.read(rows, rs);
            }
            String status = rs.getString("status");
            if (status != null) {
                rows.statuses.add(new StatusObservation(status, instant(rs, "observed_at")));
            }
        }
        if (rows != null) {
            sink.accept(rows.toJob(scope, kind));
        }
    }

    /** The rows of one job in a joined result. */
    private static final class JobRows {
        final String name;
        final String id;
        final String recordJson;
        final Instant createdAt;
        final List<StatusObservation> statuses = new ArrayList<>();

        JobRows(String name, String id, String recordJson, Instant createdAt) {
            this.name = name;
            this.id = id;
            this.recordJson = recordJson;
            this.createdAt = createdAt;
        }

        TrackedJob toJob(String scope, JobKind kind) {
            return new TrackedJob(scope, kind, name, id, statuses, recordJson, createdAt);
        }
    }

    private int update(String what, String statement, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // one statement, one transaction
            return execute(c, statement, params);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** A unit of work on one connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static int execute(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String statement, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Now, to the microsecond a SQL timestamp keeps, so what is read back equals what was written. */
    private static OffsetDateTime timestamp() {
        return OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private JobLedgerException failed(String what, SQLException e) {
        return new JobLedgerException(this + " could not " + what + ": " + e.getMessage(), e);
    }
}
