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
package io.github.camelnclue.bench.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.FileJobLedger;
import io.github.camelnclue.tracking.JdbcJobLedger;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.PendingJob;

/**
 * The ledger at scale: N ended task runs (three statuses each, all emitted by the consumer) plus 100 in flight, in
 * the file ledger and in PostgreSQL. Measures a restart, the consumer's idle poll (the one ledger call
 * {@code NclueConsumer.poll} makes: {@code pendingChanges}), the sweep's read ({@code inFlight}), SQL statements per
 * idle poll, and the heap the loaded state takes.
 */
final class LedgerScale {

    static final String SCOPE = AccountScope.of("https://nclue.apigw.ntruss.com", "bench-access-key");
    static final JobKind KIND = JobKind.TASK_RUNS;
    static final String CONSUMER = "route-watch";
    static final int IN_FLIGHT = 100;
    static final int POLLS = 2000;
    private static final String[] ENDED = { "registered", "in_progress", "completed" };

    /** One row of the report. */
    record Result(String ledger, int ended, double fillSeconds, double restartMillis, double restartCpuMillis,
            long journalBytes, long heapBytes,
            Percentiles pollMicros, double statementsPerPoll, Percentiles inFlightMicros, double countMillis,
            double allJobsMillis) {
    }

    /** p50, p99 and max of a sample, in microseconds. */
    record Percentiles(double p50, double p99, double max) {
        static Percentiles of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
        }
    }

    private LedgerScale() {
    }

    static String record(int i) {
        return "{\"id\":\"run-" + i + "\",\"name\":\"nightly-" + i + "\",\"status\":\"completed\","
               + "\"task_id\":\"task-1\",\"feature_id\":\"feature-1\",\"created_date\":\"2026-11-01T00:00:00Z\","
               + "\"modified_date\":\"2026-11-01T00:03:00Z\",\"result_file_path\":\"results/run-" + i + "/\","
               + "\"AUROC\":\"0.91\",\"fail_message\":null}";
    }

    static Result file(Path base, int ended) throws Exception {
        Path dir = Files.createTempDirectory(base, "ledger-" + ended + "-");
        long start = System.nanoTime();
        try (FileJobLedger ledger = new FileJobLedger(dir)) {
            ledger.start();
            ledger.registerConsumer(CONSUMER, SCOPE, KIND, false);
            for (int i = 0; i < ended; i++) {
                ledger.recordJob(SCOPE, KIND, "nightly-" + i, "run-" + i, record(i));
                for (int s = 0; s < ENDED.length; s++) {
                    ledger.recordStatus(SCOPE, KIND, "run-" + i, ENDED[s], record(i));
                    ledger.markEmitted(CONSUMER, SCOPE, KIND, "run-" + i, s + 1);
                }
            }
            recordInFlight(ledger);
        }
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        long journalBytes = Files.size(dir.resolve("ledger.jsonl"));

        // the median of three restarts: the first of a JVM also loads and compiles the code that replays
        // (wall time and this thread's CPU time: on a loaded machine the wall time also counts waiting for a core)
        double[] restarts = new double[3];
        double[] cpu = new double[3];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < restarts.length - 1; i++) {
            try (FileJobLedger warm = new FileJobLedger(dir)) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                warm.start();
                restarts[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        long heapBefore = usedHeapAfterGc();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        FileJobLedger restarted = new FileJobLedger(dir);
        restarted.start();
        restarts[restarts.length - 1] = (System.nanoTime() - t0) / 1e6;
        cpu[cpu.length - 1] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        long heap = usedHeapAfterGc() - heapBefore;
        Arrays.sort(restarts);
        Arrays.sort(cpu);
        double restartMillis = restarts[1];
        double restartCpuMillis = cpu[1];
        try {
            check(restarted, ended);
            return new Result("file", ended, fillSeconds, restartMillis, restartCpuMillis, journalBytes, heap,
                    pollTimes(restarted),
                    0, inFlightTimes(restarted), countMillis(restarted), allJobsMillis(restarted));
        } finally {
            restarted.close();
            deleteTree(dir);
        }
    }

    static Result postgres(DataSource database, int ended) throws Exception {
        CountingDataSource counting = new CountingDataSource(database);
        String prefix = "scale" + ended + "_";
        long start = System.nanoTime();
        try (JdbcJobLedger ledger = new JdbcJobLedger(counting, prefix)) {
            ledger.start();
            ledger.registerConsumer(CONSUMER, SCOPE, KIND, false);
            bulkFill(counting, prefix, ended);
            recordInFlight(ledger);
        }
        double fillSeconds = (System.nanoTime() - start) / 1e9;

        long heapBefore = usedHeapAfterGc();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        JdbcJobLedger restarted = new JdbcJobLedger(counting, prefix);
        restarted.start();
        double restartMillis = (System.nanoTime() - t0) / 1e6;
        double restartCpuMillis = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        long heap = usedHeapAfterGc() - heapBefore;
        try (restarted) {
            check(restarted, ended);
            long before = counting.executed();
            Percentiles polls = pollTimes(restarted);
            double statements = (counting.executed() - before) / (double) (POLLS + POLLS / 10);
            return new Result("PostgreSQL", ended, fillSeconds, restartMillis, restartCpuMillis,
                    tableBytes(counting, prefix), heap,
                    polls, statements, inFlightTimes(restarted), countMillis(restarted), allJobsMillis(restarted));
        } finally {
            counting.closeAll();
        }
    }

    /**
     * The ended jobs go in with three INSERT ... SELECT statements (what the ledger's own calls would write: a job row
     * with its status count and end time, three statuses, the consumer's emitted count), since a million
     * round trips would take longer than the measurement; the 100 in flight go through the ledger's API.
     */
    private static void bulkFill(DataSource dataSource, String prefix, int ended) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement jobs = c.prepareStatement("INSERT INTO " + prefix + "jobs (scope, kind, name, id, "
                    + "record_json, created_at, status_count, terminal_at) SELECT ?, ?, 'nightly-' || g, 'run-' || g, "
                    + "replace(?, '#', g::text), now() - interval '2 days' + g * interval '1 millisecond', 3, "
                    + "now() - interval '1 day' FROM generate_series(0, ? - 1) g");
                    PreparedStatement statuses = c.prepareStatement("INSERT INTO " + prefix + "statuses (scope, kind, "
                            + "id, seq, status, observed_at) SELECT ?, ?, 'run-' || g, s.seq, s.status, "
                            + "now() - interval '1 day' FROM generate_series(0, ? - 1) g CROSS JOIN (VALUES "
                            + "(1, 'registered'), (2, 'in_progress'), (3, 'completed')) AS s(seq, status)");
                    PreparedStatement emitted = c.prepareStatement("INSERT INTO " + prefix + "emitted (consumer_id, "
                            + "scope, kind, id, count) SELECT ?, ?, ?, 'run-' || g, 3 FROM generate_series(0, ? - 1) g")) {
                jobs.setString(1, SCOPE);
                jobs.setString(2, KIND.uriName());
                jobs.setString(3, record(0).replace("run-0", "run-#").replace("nightly-0", "nightly-#"));
                jobs.setInt(4, ended);
                jobs.executeUpdate();
                statuses.setString(1, SCOPE);
                statuses.setString(2, KIND.uriName());
                statuses.setInt(3, ended);
                statuses.executeUpdate();
                emitted.setString(1, CONSUMER);
                emitted.setString(2, SCOPE);
                emitted.setString(3, KIND.uriName());
                emitted.setInt(4, ended);
                emitted.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    private static void recordInFlight(JobLedger ledger) {
        for (int i = 0; i < IN_FLIGHT; i++) {
            String id = "live-" + i;
            ledger.recordJob(SCOPE, KIND, "live-" + i, id, record(i));
            ledger.recordStatus(SCOPE, KIND, id, "in_progress", record(i));
            ledger.markEmitted(CONSUMER, SCOPE, KIND, id, 1);
        }
    }

    /** What the poll and the sweep see must be right before their cost means anything. */
    private static void check(JobLedger ledger, int ended) {
        List<PendingJob> pending = ledger.pendingChanges(CONSUMER, SCOPE, KIND, 100);
        if (!pending.isEmpty()) {
            throw new IllegalStateException("expected nothing pending, got " + pending.size());
        }
        int inFlight = ledger.inFlight(SCOPE, KIND).size();
        if (inFlight != IN_FLIGHT) {
            throw new IllegalStateException("expected " + IN_FLIGHT + " in flight, got " + inFlight);
        }
        if (ledger.findByName(SCOPE, KIND, "nightly-" + (ended - 1)).isEmpty()) {
            throw new IllegalStateException("the last ended job is missing");
        }
    }

    private static Percentiles pollTimes(JobLedger ledger) {
        for (int i = 0; i < POLLS / 10; i++) {
            ledger.pendingChanges(CONSUMER, SCOPE, KIND, 100); // warm-up
        }
        long[] nanos = new long[POLLS];
        for (int i = 0; i < POLLS; i++) {
            long t0 = System.nanoTime();
            ledger.pendingChanges(CONSUMER, SCOPE, KIND, 100);
            nanos[i] = System.nanoTime() - t0;
        }
        return Percentiles.of(nanos);
    }

    /** The dev console's count of the jobs by status, median of 5 (ms). */
    private static double countMillis(JobLedger ledger) {
        return medianMillis(5, () -> ledger.countByLastStatus(SCOPE, KIND));
    }

    /** What the console did before: read every job of the history, median of 3 (ms). */
    private static double allJobsMillis(JobLedger ledger) {
        return medianMillis(3, () -> ledger.jobs(SCOPE, KIND));
    }

    private static double medianMillis(int times, Runnable read) {
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            read.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis[times / 2];
    }

    private static Percentiles inFlightTimes(JobLedger ledger) {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            ledger.inFlight(SCOPE, KIND);
            nanos[i] = System.nanoTime() - t0;
        }
        return Percentiles.of(nanos);
    }

    private static long tableBytes(DataSource dataSource, String prefix) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                        + "WHERE c.relname LIKE '" + prefix + "%' AND c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
