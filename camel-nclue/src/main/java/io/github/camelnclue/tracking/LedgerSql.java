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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of a {@link JdbcJobLedger} for one table prefix. Plain SQL that PostgreSQL runs; {@code ON CONFLICT} and
 * {@code GREATEST} are the PostgreSQL dialect of an idempotent insert and a monotonic update.
 */
final class LedgerSql {

    private final String quota;
    private final String leads;
    private final String jobs;
    private final String statuses;
    private final String emitted;
    private final String consumers;
    private final String pending;

    LedgerSql(String prefix) {
        this.quota = prefix + "quota";
        this.leads = prefix + "leads";
        this.jobs = prefix + "jobs";
        this.statuses = prefix + "statuses";
        this.emitted = prefix + "emitted";
        this.consumers = prefix + "consumers";
        this.pending = prefix + "pending";
    }

    List<String> createTables() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + jobs + " ("
                        + "scope VARCHAR(2000) NOT NULL, kind VARCHAR(32) NOT NULL, name VARCHAR(1000) NOT NULL, "
                        + "id VARCHAR(200), record_json TEXT, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (scope, kind, name))",
                "CREATE INDEX IF NOT EXISTS " + jobs + "_by_id ON " + jobs + " (scope, kind, id)",
                "CREATE TABLE IF NOT EXISTS " + statuses + " ("
                        + "scope VARCHAR(2000) NOT NULL, kind VARCHAR(32) NOT NULL, id VARCHAR(200) NOT NULL, "
                        + "seq INTEGER NOT NULL, status VARCHAR(100) NOT NULL, "
                        + "observed_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (scope, kind, id, seq))",
                "CREATE TABLE IF NOT EXISTS " + emitted + " ("
                        + "consumer_id VARCHAR(500) NOT NULL, scope VARCHAR(2000) NOT NULL, "
                        + "kind VARCHAR(32) NOT NULL, id VARCHAR(200) NOT NULL, count INTEGER NOT NULL, "
                        + "PRIMARY KEY (consumer_id, scope, kind, id))");
    }

    /**
     * Schema version 2: the known consumers, the outbox of pending changes, and on each job its status count and when
     * it ended (indexed for the jobs in flight and for retention), filled from what version 1 recorded.
     */
    List<String> addOutbox() {
        return List.of(
                // what a job's statuses number and when it ended, so in-flight and retention need no join
                "ALTER TABLE " + jobs + " ADD COLUMN IF NOT EXISTS status_count INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE " + jobs + " ADD COLUMN IF NOT EXISTS terminal_at TIMESTAMP WITH TIME ZONE",
                "CREATE INDEX IF NOT EXISTS " + jobs + "_in_flight ON " + jobs + " (scope, kind) "
                        + "WHERE id IS NOT NULL AND terminal_at IS NULL",
                "CREATE INDEX IF NOT EXISTS " + jobs + "_terminal ON " + jobs + " (terminal_at) "
                        + "WHERE terminal_at IS NOT NULL",
                "CREATE TABLE IF NOT EXISTS " + consumers + " ("
                        + "consumer_id VARCHAR(500) NOT NULL, scope VARCHAR(2000) NOT NULL, "
                        + "kind VARCHAR(32) NOT NULL, registered_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (consumer_id, scope, kind))",
                "CREATE INDEX IF NOT EXISTS " + consumers + "_by_kind ON " + consumers + " (scope, kind)",
                // the outbox: one row per consumer and job with statuses it has not emitted (up to status_count)
                "CREATE TABLE IF NOT EXISTS " + pending + " ("
                        + "consumer_id VARCHAR(500) NOT NULL, scope VARCHAR(2000) NOT NULL, "
                        + "kind VARCHAR(32) NOT NULL, id VARCHAR(200) NOT NULL, status_count INTEGER NOT NULL, "
                        + "PRIMARY KEY (consumer_id, scope, kind, id))",
                "CREATE INDEX IF NOT EXISTS " + pending + "_by_job ON " + pending + " (scope, kind, id)",
                // what version 1 recorded: counts, end times (the terminal statuses as of version 2), consumers that
                // emitted something, and what they have not emitted yet
                "UPDATE " + jobs + " j SET status_count = s.n FROM (SELECT scope, kind, id, MAX(seq) AS n FROM "
                        + statuses + " GROUP BY scope, kind, id) s WHERE j.scope = s.scope AND j.kind = s.kind "
                        + "AND j.id = s.id",
                "UPDATE " + jobs + " j SET terminal_at = s.observed_at FROM " + statuses + " s WHERE s.scope = j.scope "
                        + "AND s.kind = j.kind AND s.id = j.id AND s.seq = j.status_count AND ("
                        + "j.kind = 'aiApps' AND s.status IN ('FINISHED', 'FAILED', 'KILLED') OR "
                        + "j.kind <> 'aiApps' AND LOWER(s.status) IN ('completed', 'complete', 'failed'))",
                "INSERT INTO " + consumers + " (consumer_id, scope, kind, registered_at) "
                        + "SELECT DISTINCT consumer_id, scope, kind, CURRENT_TIMESTAMP FROM " + emitted
                        + " ON CONFLICT (consumer_id, scope, kind) DO NOTHING",
                "INSERT INTO " + pending + " (consumer_id, scope, kind, id, status_count) "
                        + "SELECT c.consumer_id, j.scope, j.kind, j.id, j.status_count FROM " + consumers + " c JOIN "
                        + jobs + " j ON j.scope = c.scope AND j.kind = c.kind LEFT JOIN " + emitted + " e "
                        + "ON e.consumer_id = c.consumer_id AND e.scope = j.scope AND e.kind = j.kind AND e.id = j.id "
                        + "WHERE j.id IS NOT NULL AND j.status_count > COALESCE(e.count, 0) "
                        + "ON CONFLICT (consumer_id, scope, kind, id) DO NOTHING");
    }

    /** status_count, terminal_at (null while in flight), scope, kind, id */
    String updateStatusCount() {
        return "UPDATE " + jobs + " SET status_count = ?, terminal_at = ? WHERE scope = ? AND kind = ? AND id = ?";
    }

    /**
     * id, status_count, scope, kind: the job has changes pending for every known consumer of its kind. Updating the
     * row on a conflict locks it, so a concurrent {@link #deletePending()} waits and then sees the new count.
     */
    String insertPendingForConsumers() {
        return "INSERT INTO " + pending + " (consumer_id, scope, kind, id, status_count) "
                + "SELECT c.consumer_id, c.scope, c.kind, ?, ? FROM " + consumers + " c WHERE c.scope = ? AND c.kind = ? "
                + "ON CONFLICT (consumer_id, scope, kind, id) DO UPDATE SET status_count = GREATEST(" + pending
                + ".status_count, EXCLUDED.status_count)";
    }

    /** consumer_id, scope, kind, id, emitted count: drops the row once everything it stood for was emitted. */
    String deletePending() {
        return "DELETE FROM " + pending + " WHERE consumer_id = ? AND scope = ? AND kind = ? AND id = ? "
                + "AND status_count <= ?";
    }

    /** consumer_id, scope, kind, registered_at */
    String insertConsumer() {
        return "INSERT INTO " + consumers + " (consumer_id, scope, kind, registered_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (consumer_id, scope, kind) DO NOTHING";
    }

    /** consumer_id, scope, kind */
    String selectConsumer() {
        return "SELECT 1 FROM " + consumers + " WHERE consumer_id = ? AND scope = ? AND kind = ?";
    }

    /** consumer_id (twice), scope, kind: a new consumer that replays has every recorded status pending. */
    String insertPendingForReplay() {
        return "INSERT INTO " + pending + " (consumer_id, scope, kind, id, status_count) "
                + "SELECT ?, j.scope, j.kind, j.id, j.status_count FROM " + jobs + " j LEFT JOIN " + emitted + " e "
                + "ON e.consumer_id = ? AND e.scope = j.scope AND e.kind = j.kind AND e.id = j.id "
                + "WHERE j.scope = ? AND j.kind = ? AND j.id IS NOT NULL AND j.status_count > COALESCE(e.count, 0) "
                + "ON CONFLICT (consumer_id, scope, kind, id) DO NOTHING";
    }

    /** consumer_id, scope, kind: a new consumer that starts from now has emitted every recorded status. */
    String insertEmittedFromNow() {
        return "INSERT INTO " + emitted + " (consumer_id, scope, kind, id, count) "
                + "SELECT ?, j.scope, j.kind, j.id, j.status_count FROM " + jobs + " j "
                + "WHERE j.scope = ? AND j.kind = ? AND j.id IS NOT NULL AND j.status_count > 0 "
                + "ON CONFLICT (consumer_id, scope, kind, id) DO UPDATE SET count = GREATEST(" + emitted
                + ".count, EXCLUDED.count)";
    }

    /**
     * consumer_id, scope, kind, limit: the jobs with pending changes of one consumer, oldest first, with their
     * statuses and emitted count. One statement on the primary key of the outbox: empty and cheap when nothing
     * changed. Each pending row looks its job, emitted count and statuses up by their keys, so the plan does not
     * depend on statistics (see {@link #statusesOfEachJob()}): the job's subquery is ordered as the index
     * {@code (scope, kind, id)} that finds it, so no other index of the jobs is cheaper.
     */
    String selectPending() {
        return "SELECT j.name, j.id, j.record_json, j.created_at, s.status, s.observed_at, j.emitted FROM ("
                + "SELECT j.*, COALESCE((SELECT e.count FROM " + emitted + " e WHERE e.consumer_id = p.consumer_id "
                + "AND e.scope = p.scope AND e.kind = p.kind AND e.id = p.id), 0) AS emitted FROM " + pending + " p "
                + "CROSS JOIN LATERAL (SELECT j.scope, j.kind, j.name, j.id, j.record_json, j.created_at FROM " + jobs
                + " j WHERE j.scope = p.scope AND j.kind = p.kind AND j.id = p.id ORDER BY j.id) j "
                + "WHERE p.consumer_id = ? AND p.scope = ? AND p.kind = ? ORDER BY j.created_at, j.name LIMIT ?) j "
                + statusesOfEachJob() + "ORDER BY j.created_at, j.name, s.seq";
    }

    /** scope, kind: the jobs in flight, through their partial index */
    String selectInFlight() {
        return selectJoined(" AND j.id IS NOT NULL AND j.terminal_at IS NULL");
    }

    /**
     * terminal_at bound: deletes the jobs that ended before it and have nothing pending for any consumer, with their
     * statuses and emitted counts, in one statement; returns how many jobs.
     */
    String prune() {
        return "WITH gone AS (DELETE FROM " + jobs + " j WHERE j.terminal_at < ? AND NOT EXISTS (SELECT 1 FROM "
                + pending + " p WHERE p.scope = j.scope AND p.kind = j.kind AND p.id = j.id) "
                + "RETURNING j.scope, j.kind, j.id), "
                + "s AS (DELETE FROM " + statuses + " x USING gone g "
                + "WHERE x.scope = g.scope AND x.kind = g.kind AND x.id = g.id), "
                + "e AS (DELETE FROM " + emitted + " x USING gone g "
                + "WHERE x.scope = g.scope AND x.kind = g.kind AND x.id = g.id) "
                + "SELECT count(*) FROM gone";
    }

    /** scope, kind, name: only an intent, never a job */
    String deleteIntent() {
        return "DELETE FROM " + jobs + " WHERE scope = ? AND kind = ? AND name = ? AND id IS NULL";
    }

    /** scope, kind, id: the job row; run with {@link #deleteStatuses()} and {@link #deleteEmitted()} */
    String deleteJob() {
        return "DELETE FROM " + jobs + " WHERE scope = ? AND kind = ? AND id = ?";
    }

    /** scope, kind, id */
    String deleteStatuses() {
        return "DELETE FROM " + statuses + " WHERE scope = ? AND kind = ? AND id = ?";
    }

    /** scope, kind, id: every consumer's pending changes of the job */
    String deletePendingOfJob() {
        return "DELETE FROM " + pending + " WHERE scope = ? AND kind = ? AND id = ?";
    }

    /** scope, kind, id */
    String deleteEmitted() {
        return "DELETE FROM " + emitted + " WHERE scope = ? AND kind = ? AND id = ?";
    }

    /** scope, kind, name, created_at */
    String insertIntent() {
        return "INSERT INTO " + jobs + " (scope, kind, name, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (scope, kind, name) DO NOTHING";
    }

    /** scope, kind, name, id, record_json, created_at: replaces an intent (keeping its time), never a job. */
    String upsertJob() {
        return "INSERT INTO " + jobs + " (scope, kind, name, id, record_json, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (scope, kind, name) DO UPDATE SET id = EXCLUDED.id, record_json = EXCLUDED.record_json "
                + "WHERE " + jobs + ".id IS NULL";
    }

    /**
     * record_json (null keeps it), scope, kind, id, whether the new status is terminal: a job that ended takes only
     * terminal statuses (a reply read before it ended and recorded after must not bring it back).
     */
    String updateRecord() {
        return "UPDATE " + jobs + " SET record_json = COALESCE(?, record_json) WHERE scope = ? AND kind = ? AND id = ? "
                + "AND (terminal_at IS NULL OR ?)";
    }

    /** scope, kind, id */
    String selectLastStatus() {
        return "SELECT seq, status FROM " + statuses + " WHERE scope = ? AND kind = ? AND id = ? "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY";
    }

    /** scope, kind, id, seq, status, observed_at */
    String insertStatus() {
        return "INSERT INTO " + statuses + " (scope, kind, id, seq, status, observed_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (scope, kind, id, seq) DO NOTHING";
    }

    /** consumer_id, scope, kind, id, count: the count never decreases. */
    String upsertEmitted() {
        return "INSERT INTO " + emitted + " (consumer_id, scope, kind, id, count) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (consumer_id, scope, kind, id) DO UPDATE SET count = GREATEST(" + emitted
                + ".count, EXCLUDED.count)";
    }

    /** count, consumer_id, scope, kind, id, expected count: compare-and-set. */
    String updateEmittedFrom() {
        return "UPDATE " + emitted + " SET count = ? WHERE consumer_id = ? AND scope = ? AND kind = ? AND id = ? "
                + "AND count = ?";
    }

    /** consumer_id, scope, kind, id, count: the first mark of a job, unless another instance's came first. */
    String insertEmitted() {
        return "INSERT INTO " + emitted + " (consumer_id, scope, kind, id, count) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (consumer_id, scope, kind, id) DO NOTHING";
    }

    /** consumer_id, scope, kind, id */
    String selectEmitted() {
        return "SELECT count FROM " + emitted + " WHERE consumer_id = ? AND scope = ? AND kind = ? AND id = ?";
    }

    /** scope, kind */
    String selectJobs() {
        return selectJoined("");
    }

    /** scope, kind, name */
    String selectJobsByName() {
        return selectJoined(" AND j.name = ?");
    }

    /** scope, kind, an array of ids: those that ended. */
    String selectEndedByIds() {
        return selectJoined(" AND j.id = ANY(?) AND j.terminal_at IS NOT NULL");
    }

    /** scope, kind, id */
    String selectJobsById() {
        return selectJoined(" AND j.id = ?");
    }

    /**
     * the intents' label, scope, kind: status (the last, "null" if none) and how many jobs are in it. A job's last
     * status is the one numbered its status_count: one equality on the whole primary key, whatever the plan.
     */
    String countByLastStatus() {
        return "SELECT CASE WHEN j.id IS NULL THEN ? ELSE COALESCE(s.status, 'null') END AS last, count(*) FROM "
                + jobs + " j LEFT JOIN " + statuses + " s ON s.scope = j.scope AND s.kind = j.kind AND s.id = j.id "
                + "AND s.seq = j.status_count WHERE j.scope = ? AND j.kind = ? GROUP BY last";
    }

    private String selectJoined(String condition) {
        return "SELECT j.name, j.id, j.record_json, j.created_at, s.status, s.observed_at FROM " + jobs + " j "
                + statusesOfEachJob()
                + "WHERE j.scope = ? AND j.kind = ?" + condition + " ORDER BY j.created_at, j.name, s.seq";
    }

    /**
     * The statuses of each job {@code j}, looked up once per job on the primary key {@code (scope, kind, id, seq)}. A
     * plain {@code LEFT JOIN} on the same columns lets the planner choose, and on tables never analyzed (a new
     * deployment, until autovacuum comes) it estimates one job and one status per account: it reads the statuses by
     * {@code (scope, kind)} alone, derived from the query's parameters, and filters them by id for every job, a
     * cost that grows with the jobs in flight times the statuses of the account. A lateral subquery with an
     * {@code ORDER BY} is planned on its own (PostgreSQL does not flatten it), so it is a lookup per job whatever
     * the statistics; the order is the key's, so no sort.
     */
    private String statusesOfEachJob() {
        return "LEFT JOIN LATERAL (SELECT s.seq, s.status, s.observed_at FROM " + statuses + " s "
                + "WHERE s.scope = j.scope AND s.kind = j.kind AND s.id = j.id ORDER BY s.seq) s ON TRUE ";
    }

    /** Schema version 3: the request quota shared by the instances of one access key ({@link JdbcSharedQuota}). */
    List<String> addSharedQuota() {
        return List.of("CREATE TABLE IF NOT EXISTS " + quota + " (key_hash VARCHAR(64) PRIMARY KEY, "
                       + "next_allowed TIMESTAMP WITH TIME ZONE NOT NULL, holder VARCHAR(64), "
                       + "held_until TIMESTAMP WITH TIME ZONE)");
    }

    /**
     * Schema version 5: a partial index per table of the rows whose scope is still plain (none once migrated, so the
     * index costs nothing to keep and {@link #adoptPlainScopes()} finds no rows without reading the tables), then the
     * first pass of {@link #adoptPlainScopes()}.
     */
    List<String> hashScopes() {
        List<String> statements = new ArrayList<>();
        for (String table : List.of(jobs, statuses, emitted, consumers, pending)) {
            statements.add("CREATE INDEX IF NOT EXISTS " + table + "_plain_scope ON " + table + " (scope) WHERE "
                           + plainScope("scope"));
        }
        statements.addAll(adoptPlainScopes());
        return statements;
    }

    /**
     * Run by schema version 5 and again whenever an instance takes a lead or prunes: the scopes of every table in the
     * hashed form of {@link AccountScope}, replacing the plain {@code <base URL>|<access key>} that versions before it
     * wrote (and that one of them still running during an upgrade goes on writing). Computes what
     * {@link AccountScope#migrated(String)} does: PostgreSQL 11 or later has {@code sha256}. A plain row whose key is
     * also recorded under the hashed scope (both versions recorded the same job) is dropped: the hashed one is what this
     * version reads.
     */
    List<String> adoptPlainScopes() {
        return List.of(
                adoptPlainScopes(jobs, "kind", "name"),
                adoptPlainScopes(statuses, "kind", "id", "seq"),
                adoptPlainScopes(emitted, "consumer_id", "kind", "id"),
                adoptPlainScopes(consumers, "consumer_id", "kind"),
                adoptPlainScopes(pending, "consumer_id", "kind", "id"))
                .stream().flatMap(List::stream).toList();
    }

    /** {@code table}'s plain scopes hashed, or dropped where its key with the hashed scope is taken. */
    private static List<String> adoptPlainScopes(String table, String... keyColumns) {
        String hashedTaken = "EXISTS (SELECT 1 FROM " + table + " x WHERE x.scope = " + hashedScope("t.scope")
                + Arrays.stream(keyColumns).map(k -> " AND x." + k + " = t." + k).collect(Collectors.joining()) + ")";
        // each statement names the rows it may touch: a row an older instance commits meanwhile waits for the next pass
        return List.of(
                "UPDATE " + table + " t SET scope = " + hashedScope("t.scope") + " WHERE " + plainScope("t.scope")
                        + " AND NOT " + hashedTaken,
                "DELETE FROM " + table + " t WHERE " + plainScope("t.scope") + " AND " + hashedTaken);
    }

    /** A scope in {@code column} of the plain form, with the access key; the same text as the partial indexes'. */
    private static String plainScope(String column) {
        return "strpos(" + column + ", '|') > 0 AND strpos(" + column + ", '" + AccountScope.MARKER + "') = 0";
    }

    /** The hashed form of the plain scope in {@code column}: its base URL (before the last |), marker and digits. */
    static String hashedScope(String column) {
        return "left(" + column + ", length(" + column + ") - strpos(reverse(" + column + "), '|')) || '"
               + AccountScope.MARKER + "' || left(encode(sha256(convert_to(" + column + ", 'UTF8')), 'hex'), "
               + AccountScope.SCOPE_HEX_DIGITS + ")";
    }

    /** namespace, taken_at: the next epoch of the namespace, returned. */
    String takeLead() {
        return "INSERT INTO " + leads + " (namespace, epoch, taken_at) VALUES (?, 1, ?) ON CONFLICT (namespace) "
                + "DO UPDATE SET epoch = " + leads + ".epoch + 1, taken_at = EXCLUDED.taken_at RETURNING epoch";
    }

    /**
     * namespace: the latest epoch, share-locked until the transaction ends, so a lease taken meanwhile waits for the
     * write it fences and refuses only the writes after it.
     */
    String selectLeadForShare() {
        return "SELECT epoch FROM " + leads + " WHERE namespace = ? FOR SHARE";
    }

    /** Schema version 4: the latest leader lease of each cluster namespace ({@link LeaderLease}). */
    List<String> addLeads() {
        return List.of("CREATE TABLE IF NOT EXISTS " + leads + " (namespace VARCHAR(200) PRIMARY KEY, "
                       + "epoch BIGINT NOT NULL, taken_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
}
