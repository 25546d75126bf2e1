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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelnclue.bench.Sample;

/**
 * The Markdown tables of the status benchmark.
 */
final class StatusReport {

    static final String COMPONENT = "component";
    static final String BASELINE = "baseline";

    private final Duration step;
    private final Duration spread;
    private final Duration margin;
    private final List<String> rows = new ArrayList<>();

    StatusReport(Duration step, Duration spread, Duration margin) {
        this.step = step;
        this.spread = spread;
        this.margin = margin;
    }

    void add(int n, String watcher, WatchResult result) {
        rows.add(row(n, watcher, result));
    }

    String row(int n, String watcher, WatchResult result) {
        Sample perSweep = result.requestsPerSweep();
        LatencyReport latency = result.latency();
        int target = (n + 99) / 100 + 2;
        String sweepCell = perSweep.size() == 0 ? "no full round in the window"
                : String.format("%.0f / %.0f (%d)", perSweep.median(), perSweep.max(), perSweep.size());
        String targetCell = COMPONENT.equals(watcher)
                ? String.format("≤ %d: %s", target, perSweep.size() > 0 && perSweep.max() <= target ? "met" : "NOT met")
                : "(= N by design)";
        String p95Cell = String.format("%.1f", latency.seconds().percentile(95));
        if (COMPONENT.equals(watcher) && n == 1000) {
            p95Cell += latency.seconds().percentile(95) <= 12 ? " (≤ 12: met)" : " (≤ 12: NOT met)";
        }
        return String.format("| %d | %s | %.0f | %d | %s | %s | %s | %d | %d | %d | %.1f | %s | %.1f | %d |",
                n, watcher, result.window().toMillis() / 1000.0, result.apiRequests(), sweepCell, targetCell,
                Double.isNaN(result.sweepSeconds().median()) ? "n/a" : String.format("%.1f", result.sweepSeconds().median()),
                latency.changes(), latency.detected(), latency.missed(),
                latency.seconds().median(), p95Cell, latency.seconds().max(), result.quotaExceeded())
               + (result.pollerMismatches() > 0 ? " lastSweepRequests disagreed " + result.pollerMismatches() + "×" : "");
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format("Status step %d s (each run spends that long in registered, pending and in_progress); "
                                + "the N creations at random instants (uniform, seeded) within %d s (quota off); window: from the quota going "
                                + "on (right after the last creation) until the watcher saw every run end, at most 3 "
                                + "steps + %d s.%n%n", step.toSeconds(), spread.toSeconds(), margin.toSeconds()));
        md.append("| N | watcher | window s | API requests | requests per sweep p50 / max (sweeps) | target | "
                  + "sweep interval s (p50) | changes in window | detected | missed | latency p50 s | p95 s | max s | 429s |\n");
        md.append("|---:|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        return md.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
