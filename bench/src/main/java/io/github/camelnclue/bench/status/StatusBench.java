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
package io.github.camelnclue.bench.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;
import io.github.camelnclue.bench.Machine;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * Status-change detection benchmark (issue 4). For each N: N task runs are created with the quota off, their creations
 * spread over {@code spread} so their changes spread out too; then the 1 request/second quota goes on and a watcher
 * follows them until every run has ended (or the window closes): first the component's consumer, then, on a fresh set
 * of N runs, the one-GET-per-job baseline.
 * <p>
 * Options: {@code --sizes=10,100,1000 --step-seconds=25 --spread-seconds=20 --margin-seconds=15
 * --output=target/status-results.md}.
 */
public final class StatusBench {

    private StatusBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        List<Integer> sizes = Arrays.stream(args.get("sizes", "10,100,1000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        Duration step = Duration.ofSeconds(args.getInt("step-seconds", 25));
        Duration spread = Duration.ofSeconds(args.getInt("spread-seconds", 20));
        Duration margin = Duration.ofSeconds(args.getInt("margin-seconds", 15));
        Path output = Path.of(args.get("output", "target/status-results.md")).toAbsolutePath();
        Files.createDirectories(output.getParent());
        Path work = Files.createTempDirectory("nclue-bench-status-");

        StatusReport report = new StatusReport(step, spread, margin);
        try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(50)).quotaPerSecond(0)
                .storageDirectory(work.resolve("s3")).build().start()) {
            EmulatorApi api = new EmulatorApi(emu);
            DemoChain chain = DemoChain.create(emu, api);
            emu.setStatusStep(step);
            for (int n : sizes) {
                for (String watcher : List.of(StatusReport.COMPONENT, StatusReport.BASELINE)) {
                    emu.setQuotaPerSecond(0);
                    List<RunFleet.Run> runs = RunFleet.create(api, chain, watcher + "-" + n, n, spread);
                    // the last run created changes status for the last time 3 steps after its creation
                    Instant deadline = Instant.now().plus(step.multipliedBy(3)).plus(margin);
                    emu.setQuotaPerSecond(1);
                    Path ledger = work.resolve("ledger-" + watcher + "-" + n);
                    WatchResult result = StatusReport.COMPONENT.equals(watcher)
                            ? ConsumerScenario.run(emu, runs, ledger, deadline)
                            : BaselineScenario.run(emu, runs, ledger, deadline);
                    report.add(n, watcher, result);
                    System.out.println(report.row(n, watcher, result));
                }
            }
        } finally {
            StatusReport.deleteTree(work);
        }
        String markdown = "Machine: " + Machine.describe() + "\n\n" + report.markdown();
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Report written to " + output);
    }
}
