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

import java.util.List;

/**
 * The SQL of a {@link JdbcJobLedger} for one table prefix. Plain SQL that PostgreSQL runs; {@code ON CONFLICT} and
 * {@code GREATEST} are the PostgreSQL dialect of an idempotent insert and a monotonic update.
 */
final class LedgerSql {

    private final String jobs;
    private final String statuses;
    private final String emitted;

    LedgerSql(String prefix) {
        this.jobs = prefix + "jobs";
        this.statuses = prefix + "statuses";
        this.emitted = prefix + "emitted";
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

    /** record_json (null keeps it), scope, kind, id */
    String updateRecord() {
        return "UPDATE " + jobs + " SET record_json = COALESCE(?, record_json) WHERE scope = ? AND kind = ? AND id = ?";
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

    /** scope, kind, id */
    String selectJobsById() {
        return selectJoined(" AND j.id = ?");
    }

    private String selectJoined(String condition) {
        return "SELECT j.name, j.id, j.record_json, j.created_at, s.status, s.observed_at FROM " + jobs + " j "
                + "LEFT JOIN " + statuses + " s ON s.scope = j.scope AND s.kind = j.kind AND s.id = j.id "
                + "WHERE j.scope = ? AND j.kind = ?" + condition + " ORDER BY j.created_at, j.name, s.seq";
    }
}
