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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;
import io.github.camelnclue.bench.Machine;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;

/**
 * Several instances on one access key (issue 9, item 6): one emulator with its 1 request/second quota, one PostgreSQL
 * ledger, one FileLockClusterService directory, and each instance a JVM of its own ({@link InstanceMain}). Measures
 * one instance holding N waits, then three holding N/3 each, then {@code kill -9} of the three's leader, twice.
 */
public final class InstancesBench {

    private InstancesBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int runs = args.getInt("runs", 900);
        int instances = args.getInt("instances", 3);
        int failoverRuns = args.getInt("failover-runs", 300);
        Duration step = Duration.ofSeconds(args.getInt("step-seconds", 20));
        Duration spread = Duration.ofSeconds(args.getInt("spread-seconds", 20));
        Duration margin = Duration.ofSeconds(args.getInt("margin-seconds", 20));
        List<String> parts = List.of(args.get("parts", "single,several,failover").split(","));
        Path output = Path.of(args.get("output", "target/instances-results.md")).toAbsolutePath();
        Path logs = output.resolveSibling("instances-logs");
        Files.createDirectories(output.getParent());
        Path work = Files.createTempDirectory("nclue-bench-instances-");
        String started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();

        RequestLog requests = new RequestLog();
        InstancesReport report = new InstancesReport(runs, step, spread);
        try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(50)).quotaPerSecond(0)
                .storageDirectory(work.resolve("s3")).build().start()) {
            EmulatorApi api = new EmulatorApi(emu);
            DemoChain chain = DemoChain.create(emu, api);
            emu.setStatusStep(step);
            emu.stats().onRequest(requests);
            SetupWindow setup = new SetupWindow(emu, api, chain, requests, step, spread, margin,
                    Boolean.parseBoolean(args.get("analyze", "true")));
            List<String> common = List.of("--nclue-endpoint=" + emu.nclueEndpoint(),
                    "--status-poll-delay=" + args.get("status-poll-delay", "1000"),
                    "--data-source=" + args.get("data-source", "hikari"));

            if (parts.contains("single")) {
                String jdbcUrl = EmbeddedPostgresSupport.newDatabase("nclue_instances_single");
                try (InstanceCluster one = InstanceCluster.start("single", 1,
                        arguments(common, work, "single", jdbcUrl), emu.accessKey(), emu.secretKey(), logs)) {
                    report.add(setup.measure(one, "single", runs, new LedgerActivity(jdbcUrl)));
                }
            }
            if (parts.contains("several")) {
                String jdbcUrl = EmbeddedPostgresSupport.newDatabase("nclue_instances_several");
                try (InstanceCluster several = InstanceCluster.start("several", instances,
                        arguments(common, work, "several", jdbcUrl), emu.accessKey(), emu.secretKey(), logs)) {
                    LedgerActivity ledger = new LedgerActivity(jdbcUrl);
                    report.add(setup.measure(several, "several", runs, ledger));
                    if (parts.contains("failover")) {
                        report.failover(new FailoverWindow(emu, requests, setup).measure(several, failoverRuns,
                                ledger));
                    }
                }
            }
            requests.writeTo(logs.resolve("requests.tsv"));
        } finally {
            deleteTree(work);
        }
        String markdown = "Run " + started + " — " + Machine.describe() + "\n\n" + report.markdown();
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Report written to " + output + "; instance logs in " + logs);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    /** An instance's options: its setup's own database and cluster directory. */
    private static List<String> arguments(List<String> common, Path work, String setup, String jdbcUrl)
            throws IOException {
        Path cluster = Files.createDirectories(work.resolve("cluster-" + setup));
        return Stream.concat(common.stream(), Stream.of("--jdbc-url=" + jdbcUrl, "--cluster-root=" + cluster)).toList();
    }

    /** The 1-minute load average: on a shared machine, latencies stretch with it. */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
