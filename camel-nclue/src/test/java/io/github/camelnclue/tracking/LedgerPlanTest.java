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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans of the JDBC ledger's reads on tables never analyzed (a new deployment until autovacuum comes): 900 jobs
 * in flight with 10 statuses each must be read with one lookup of the statuses per job, not with every status of the
 * account scanned for every job. Asserts on the plan's shape, not on time.
 */
class LedgerPlanTest {

    private static final String SCOPE = AccountScope.of("https://nclue.apigw.ntruss.com", "PLAN_ACCESS_KEY");
    private static final JobKind KIND = JobKind.TASK_RUNS;
    private static final int IN_FLIGHT = 900;
    private static final int STATUSES = 10;
    private static final int ENDED = 200;

    private static DataSource dataSource;

    @BeforeAll
    static void freshSchemaNeverAnalyzed() throws Exception {
        dataSource = EmbeddedPostgresSupport.newDataSource("ledger_plan_test");
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource)) {
            ledger.start();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("jobs", "statuses", "emitted", "consumers", "pending")) {
                // autovacuum would analyze the tables after a while: keep them as a new deployment has them
                s.execute("ALTER TABLE nclue_" + table + " SET (autovacuum_enabled = false)");
            }
            String account = "'" + SCOPE + "', '" + KIND.uriName() + "'";
            s.execute("INSERT INTO nclue_jobs (scope, kind, name, id, created_at, status_count) SELECT " + account
                      + ", 'run-' || i, 'id-' || i, now(), " + STATUSES + " FROM generate_series(1, " + IN_FLIGHT
                      + ") i");
            s.execute("INSERT INTO nclue_jobs (scope, kind, name, id, created_at, status_count, terminal_at) SELECT "
                      + account + ", 'ended-' || i, 'ended-' || i, now(), 3, now() FROM generate_series(1, " + ENDED
                      + ") i");
            s.execute("INSERT INTO nclue_statuses (scope, kind, id, seq, status, observed_at) SELECT " + account
                      + ", 'id-' || i, q, 'in_progress', now() FROM generate_series(1, " + IN_FLIGHT + ") i, "
                      + "generate_series(1, " + STATUSES + ") q");
            s.execute("INSERT INTO nclue_statuses (scope, kind, id, seq, status, observed_at) SELECT " + account
                      + ", 'ended-' || i, q, 'completed', now() FROM generate_series(1, " + ENDED + ") i, "
                      + "generate_series(1, 3) q");
            s.execute("INSERT INTO nclue_consumers (consumer_id, scope, kind, registered_at) VALUES ('route', "
                      + account + ", now())");
            s.execute("INSERT INTO nclue_emitted (consumer_id, scope, kind, id, count) SELECT 'route', " + account
                      + ", 'id-' || i, 3 FROM generate_series(1, " + IN_FLIGHT + ") i");
            s.execute("INSERT INTO nclue_pending (consumer_id, scope, kind, id, status_count) SELECT 'route', "
                      + account + ", 'id-' || i, " + STATUSES + " FROM generate_series(1, " + IN_FLIGHT + ") i");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stats WHERE tablename LIKE 'nclue_%'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no statistics");
            }
        }
    }

    @Test
    void theJobsInFlightReadTheirStatusesByKey() throws Exception {
        List<JsonNode> plan = explain(new LedgerSql("nclue_").selectInFlight(), SCOPE, KIND.uriName());

        assertStatusesLookedUpByJob(plan);
        assertFewRowsRemoved(plan);
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource)) {
            List<TrackedJob> inFlight = ledger.inFlight(SCOPE, KIND);
            assertEquals(IN_FLIGHT, inFlight.size());
            assertTrue(inFlight.stream().allMatch(job -> job.statuses().size() == STATUSES));
        }
    }

    @Test
    void thePendingChangesReadTheirJobsEmittedCountsAndStatusesByKey() throws Exception {
        List<JsonNode> plan = explain(new LedgerSql("nclue_").selectPending(), "route", SCOPE, KIND.uriName(),
                Integer.MAX_VALUE);

        assertStatusesLookedUpByJob(plan);
        assertFewRowsRemoved(plan);
        try (JdbcJobLedger ledger = new JdbcJobLedger(dataSource)) {
            List<PendingJob> pending = ledger.pendingChanges("route", SCOPE, KIND, 0);
            assertEquals(IN_FLIGHT, pending.size());
            assertTrue(pending.stream().allMatch(p -> p.emitted() == 3 && p.job().statuses().size() == STATUSES));
        }
    }

    @Test
    void thePassesForAnOlderVersionsRowsReadNothingWhenThereAreNone() throws Exception {
        // run when a lead is taken and at every retention pass: on a ledger without plain scopes (all of them, once
        // migrated) the partial indexes of schema 5 hold nothing, so no table is read row by row
        for (String adopt : new LedgerSql("nclue_").adoptPlainScopes()) {
            for (JsonNode node : explain(adopt)) {
                long loops = node.path("Actual Loops").asLong();
                long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()) * loops;
                assertEquals(0, read, () -> adopt + " read rows in " + node);
            }
        }
    }

    /** Each scan of the statuses finds them by the job's id, in the index condition (not by the account alone). */
    private static void assertStatusesLookedUpByJob(List<JsonNode> plan) {
        List<JsonNode> scans = plan.stream()
                .filter(node -> "nclue_statuses".equals(node.path("Relation Name").asText())).toList();
        assertFalse(scans.isEmpty(), "the statuses are read");
        for (JsonNode scan : scans) {
            assertEquals("Index Scan", scan.path("Node Type").asText(), scan::toString);
            assertTrue(scan.path("Index Cond").asText().contains("(id)::text ="), scan::toString);
        }
    }

    /**
     * The rows read and thrown away by filters, over all the loops of each node, stay below what the tables hold: the
     * plan before this test took 8.6 million rows out in the join filter of a nested loop.
     */
    private static void assertFewRowsRemoved(List<JsonNode> plan) {
        for (JsonNode node : plan) {
            long loops = Math.max(1, node.path("Actual Loops").asLong());
            long removed = (node.path("Rows Removed by Join Filter").asLong()
                            + node.path("Rows Removed by Filter").asLong()) * loops;
            assertTrue(removed <= ENDED + IN_FLIGHT, removed + " rows removed by " + node);
        }
    }

    /** The nodes of {@code EXPLAIN (ANALYZE, FORMAT JSON)} of {@code sql}, depth first. */
    private static List<JsonNode> explain(String sql, Object... parameters) throws Exception {
        JsonNode root;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                root = new ObjectMapper().readTree(rs.getString(1));
            }
        }
        List<JsonNode> nodes = new ArrayList<>();
        collect(root.get(0).get("Plan"), nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
