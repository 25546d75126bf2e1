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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelnclue.bench.Sample;

/**
 * The markdown of the several-instances benchmark: one row per setup, the failover, and each figure against its
 * target.
 */
final class InstancesReport {

    static final double LATENCY_TARGET_SECONDS = 12;

    private final int runs;
    private final Duration step;
    private final Duration spread;
    private final List<SetupWindow.Result> setups = new ArrayList<>();
    private FailoverWindow.Result failover;

    InstancesReport(int runs, Duration step, Duration spread) {
        this.runs = runs;
        this.step = step;
        this.spread = spread;
    }

    /** Adds a setup's row and prints it, so a long run shows its progress. */
    void add(SetupWindow.Result setup) {
        setups.add(setup);
        System.out.print(row(setup));
    }

    void failover(FailoverWindow.Result result) {
        this.failover = result;
        System.out.print(failoverTable());
    }

    /** A sweep lists the runs page by page, 100 a page; at most one more page and one read by id. */
    int sweepTarget() {
        return (runs + 99) / 100 + 2;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d task runs created at random instants over %d s (quota off), "
                                             + "status step %d s, then the 1 request/second quota on and one wait "
                                             + "parked per run, dealt round-robin over the instances.%n%n",
                runs, spread.toSeconds(), step.toSeconds()));
        md.append("| Instances | Window s | API requests | Requests per sweep p50 / max (sweeps) "
                  + "| Sweep interval p50 / max s | 429s "
                  + "| Wait latency p50 / p95 / max s: all | leader | followers | Waits missed / failed "
                  + "| Consumer (every change) p50 / p95 / max s | Consumer missed / duplicates | Leader changes "
                  + "| Ledger per s: connections / transactions / rows read / rows written | Load |\n");
        md.append("|---:|---:|---:|---|---|---:|---|---|---|---|---|---|---:|---|---:|\n");
        setups.forEach(r -> md.append(row(r)));
        md.append('\n');
        setups.forEach(r -> md.append(r.instances()).append(r.instances() == 1 ? " instance" : " instances")
                .append(", ledger tables read in the window: ").append(r.ledger().tables()).append("\n\n"));
        md.append(targets());
        if (failover != null) {
            md.append('\n').append(failoverTable());
        }
        return md.toString();
    }

    /** The table row of one setup. */
    String row(SetupWindow.Result r) {
        Sample sweeps = new Sample(r.sweeps().stream().map(Integer::doubleValue).toList());
        Sample intervals = new Sample(r.sweepSeconds());
        return String.format(Locale.ROOT, "| %d | %.0f | %d | %.0f / %.0f (%d) | %.1f / %.1f | %d | %s | %s | %s "
                                          + "| %d / %d | %s | %s / %d | %d | %s | %s |%n",
                r.instances(), r.windowSeconds(), r.apiRequests(), sweeps.median(), sweeps.max(), sweeps.size(),
                intervals.median(), intervals.max(), r.quotaExceeded(), latency(r.allWaits().seconds()),
                latency(r.leaderWaits().seconds()), r.instances() > 1 ? latency(r.followerWaits().seconds()) : "—",
                r.allWaits().missed(),
                r.failedWaits(), latency(r.consumer().seconds()), missed(r.consumer()), r.consumer().duplicates(),
                r.leaderChanges(), perSecond(r.ledger(), r.windowSeconds()), r.loadAverage());
    }

    private String targets() {
        StringBuilder md = new StringBuilder("| Target | ");
        setups.forEach(r -> md.append(r.instances()).append(r.instances() == 1 ? " instance | " : " instances | "));
        md.append("\n|---|").append("---|".repeat(setups.size())).append('\n');
        md.append("| requests per sweep ≤ ceil(").append(runs).append("/100) + 2 = ").append(sweepTarget())
                .append(" | ");
        setups.forEach(r -> {
            double max = r.sweeps().stream().mapToInt(Integer::intValue).max().orElse(-1);
            md.append(String.format(Locale.ROOT, "max %.0f: %s | ", max, max >= 0 && max <= sweepTarget() ? "met"
                    : "missed"));
        });
        md.append("\n| 429s = 0 | ");
        setups.forEach(r -> md.append(r.quotaExceeded()).append(": ").append(r.quotaExceeded() == 0 ? "met" : "missed")
                .append(" | "));
        md.append("\n| wait latency p95 ≤ 12 s (followers' waits included) | ");
        setups.forEach(r -> {
            double p95 = r.allWaits().seconds().percentile(95);
            md.append(String.format(Locale.ROOT, "%.1f s: %s | ", p95,
                    r.allWaits().missed() == 0 && p95 <= LATENCY_TARGET_SECONDS ? "met" : "missed"));
        });
        return md.append('\n').toString().replace(" \n", "\n");
    }

    String failoverTable() {
        FailoverWindow.Result f = failover;
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "kill -9 of the leader, twice, with %d fresh "
                                                                        + "runs in flight (their waits dealt over the "
                                                                        + "instances; a killed instance's go with it)"
                                                                        + ":%n%n", f.runs()));
        md.append("| Kill | Killed | Shared quota slot left held | To: a survivor says it leads (s) "
                  + "| first API request (s) | first sweep, list page 0 (s) | first change delivered afterwards (s) "
                  + "| That change |\n|---|---|---|---:|---:|---:|---:|---|\n");
        for (LeaderKill.Result k : f.kills()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    k.moment().name().toLowerCase(Locale.ROOT).replace('_', ' '), k.killed(),
                    k.slotLeftHeld() ? "yes" : "no", k.toLeadership(), k.toFirstRequest(), k.toFirstSweep(),
                    k.toFirstDelivered(), k.firstDelivered()));
        }
        Sample sweeps = new Sample(f.sweepsAfter().stream().map(Integer::doubleValue).toList());
        md.append(String.format(Locale.ROOT, "%nFrom the first kill on: requests per sweep p50 / max %.0f / %.0f "
                                             + "(%d sweeps), 429s %d; changes the emulator made: latency p50 / p95 / "
                                             + "max %s s, missed %s, duplicates %d; survivors' waits %s s, missed %d; "
                                             + "waits lost with the killed instances %d. Load %s.%n",
                sweeps.median(), sweeps.max(), sweeps.size(), f.quotaExceeded(), latency(f.changesAfter().seconds()),
                missed(f.changesAfter()), f.changesAfter().duplicates(), latency(f.survivorWaits().seconds()),
                f.survivorWaits().missed(), f.lostWaits(), f.loadAverage()));
        return md.toString();
    }

    /** How many changes no route got, and of which statuses. */
    private static String missed(ChangeLatencies.Result result) {
        return result.missed() == 0 ? "0" : result.missed() + " " + result.missedByStatus();
    }

    private static String perSecond(LedgerActivity.Counters ledger, double seconds) {
        return String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f / %,.0f", ledger.sessions() / seconds,
                ledger.transactions() / seconds,
                ledger.rowsRead() / seconds, ledger.rowsWritten() / seconds);
    }

    private static String latency(Sample seconds) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f (%d)", seconds.median(), seconds.percentile(95),
                seconds.max(), seconds.size());
    }
}
