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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.Machine;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;

/**
 * Tracking cost against history (issue 8): ledgers holding 1,000 / 10,000 / 100,000 ended jobs plus 100 in flight
 * (file and PostgreSQL), watchAll sweeps over an account of 10,000 jobs, parked waits and a stop with waits parked.
 * <p>
 * Options: {@code --sizes=1000,10000,100000 --account-jobs=10000 --in-flight=100 --waits=10000 --stop-waits=1000
 * --sweeps=10 --parts=file,postgres,emulator --output=target/scale-results.md}.
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        List<Integer> sizes = Arrays.stream(args.get("sizes", "1000,10000,100000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        int accountJobs = args.getInt("account-jobs", 10_000);
        int inFlight = args.getInt("in-flight", 100);
        int waits = args.getInt("waits", 10_000);
        int stopWaits = args.getInt("stop-waits", 1_000);
        int sweeps = args.getInt("sweeps", 10);
        List<String> parts = Arrays.asList(args.get("parts", "file,postgres,emulator").split(","));
        Path output = Path.of(args.get("output", "target/scale-results.md")).toAbsolutePath();
        Files.createDirectories(output.getParent());
        // the file ledger on tmpfs when there is one, as the issue measured it: fsync cost is not what is measured
        Path shm = Path.of("/dev/shm");
        Path work = Files.createTempDirectory(Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "nclue-bench-scale-");
        StringBuilder report = new StringBuilder();
        report.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .append(" — ").append(Machine.describe()).append("\n\n");
        try {
            List<LedgerScale.Result> ledgers = new ArrayList<>();
            for (int n : parts.contains("file") ? sizes : List.<Integer>of()) {
                ledgers.add(print(LedgerScale.file(work, n)));
            }
            if (parts.contains("postgres")) {
                DataSource database = EmbeddedPostgresSupport.newDataSource("nclue_scale");
                for (int n : sizes) {
                    ledgers.add(print(LedgerScale.postgres(database, n)));
                }
            }
            report.append(ledgerTable(ledgers));

            if (parts.contains("emulator")) try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(10)).quotaPerSecond(0)
                    .storageDirectory(work.resolve("s3")).build().start()) {
                EmulatorScale scale = new EmulatorScale(emu, work);
                long t0 = System.nanoTime();
                scale.fillAccount(accountJobs, inFlight);
                System.out.printf("account filled with %d + %d runs in %.0f s%n", accountJobs, inFlight,
                        (System.nanoTime() - t0) / 1e9);
                EmulatorScale.WatchAll watch = scale.watchAll(accountJobs + inFlight, sweeps);
                System.out.println(watch);
                // the stop first: waits an earlier context left queued in the JVM-wide rate limiter would delay it
                EmulatorScale.Stop stop = scale.stopWithParkedWaits(stopWaits);
                System.out.println(stop);
                EmulatorScale.Waits parked = scale.parkedWaits(waits);
                System.out.println(parked);
                report.append(emulatorTables(watch, parked, stop));
            }
        } finally {
            LedgerScale.deleteTree(work);
        }
        report.append("\nLoad average (1 min) at the end of the run: ").append(loadAverage())
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores.\n");
        Files.writeString(output, report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("Report written to " + output);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    private static LedgerScale.Result print(LedgerScale.Result result) {
        System.out.println(result + " (load average " + loadAverage() + ")");
        return result;
    }

    /** The 1-minute load average: on a shared machine, wall times stretch with it. */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String ledgerTable(List<LedgerScale.Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("### Ledgers: N ended task runs (3 statuses each, all emitted) + ").append(LedgerScale.IN_FLIGHT)
                .append(" in flight\n\n");
        md.append("| Ledger | N ended | Fill (s) | Restart: wall / CPU (ms) | Size on disk (MB) | Heap of the state (MB) "
                  + "| Idle poll p50 / p99 / max (µs) | SQL statements per idle poll | inFlight read p50 / p99 (µs) "
                  + "| Console count by status (ms) | Every job read (ms) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LedgerScale.Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.0f / %.0f | %.1f | %s | %.1f / %.1f / %.0f | %s | %.0f / %.0f | %.1f | %.1f |%n",
                    r.ledger(), r.ended(), r.fillSeconds(), r.restartMillis(), r.restartCpuMillis(),
                    r.journalBytes() / 1e6,
                    "file".equals(r.ledger()) ? String.format(Locale.ROOT, "%.0f", r.heapBytes() / 1e6) : "— (in the database)",
                    r.pollMicros().p50(), r.pollMicros().p99(), r.pollMicros().max(),
                    "file".equals(r.ledger()) ? "—" : String.format(Locale.ROOT, "%.2f", r.statementsPerPoll()),
                    r.inFlightMicros().p50(), r.inFlightMicros().p99(), r.countMillis(), r.allJobsMillis()));
        }
        return md.append('\n').toString();
    }

    private static String emulatorTables(EmulatorScale.WatchAll watch, EmulatorScale.Waits waits,
            EmulatorScale.Stop stop) {
        StringBuilder md = new StringBuilder();
        int bound = (watch.inFlight() + 99) / 100 + 2;
        md.append("### watchAll over an account of ").append(String.format(Locale.ROOT, "%,d", watch.accountJobs()))
                .append(" task runs (").append(watch.inFlight()).append(" in flight)\n\n");
        md.append("| First sweep (lists the account once) | Later sweeps: requests each | Max later | Bound ceil(in-flight/100) + 2 | Exchanges emitted |\n");
        md.append("|---:|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %,d |%n%n", watch.firstSweep(), watch.laterSweeps(),
                watch.laterSweeps().stream().mapToInt(Integer::intValue).max().orElse(-1), bound, watch.emitted()));
        md.append("### Parked waits (`operation=get&waitForCompletion=true` on runs that do not end)\n\n");
        md.append("| Waits asked | Registered on the poller | Failed at once | First failure | JVM threads before / parked | Component-side threads | Heap of the waits (MB) |\n");
        md.append("|---:|---:|---:|---|---:|---|---:|\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %d / %d | %d: %s | %.0f |%n%n", waits.asked(),
                waits.parked(), waits.failedEarly(), waits.firstFailure() == null ? "—" : "`" + waits.firstFailure() + "`",
                waits.threadsBefore(), waits.threadsParked(), waits.componentThreads().size(),
                String.join(", ", waits.componentThreads()), waits.heapBytes() / 1e6));
        md.append("### Context stop with waits parked\n\n");
        md.append("| Waits parked | Stop (ms) | Waits ended by the stop |\n|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %,d | %.0f | %,d |%n", stop.parked(), stop.stopMillis(),
                stop.waitsEndedByStop()));
        return md.toString();
    }
}
