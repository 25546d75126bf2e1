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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;
import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.bench.status.RunFleet;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * One window of a setup: N task runs created with the quota off at random instants over the spread, then the
 * quota on (1 request/second) and a wait parked for each run, dealt round-robin over the instances, and the ledger
 * analyzed once they are parked (unless told not to). The window ends when every wait ended and the consumer got every
 * run's end, or three status steps and the margin after the last creation.
 */
final class SetupWindow {

    /** What the window measured. */
    record Result(int instances, int runs, double windowSeconds, long apiRequests, List<Integer> sweeps,
                  List<Double> sweepSeconds, long quotaExceeded, long leaderChanges, ChangeLatencies.Result allWaits,
                  ChangeLatencies.Result leaderWaits, ChangeLatencies.Result followerWaits, long failedWaits,
                  ChangeLatencies.Result consumer, LedgerActivity.Counters ledger, String loadAverage) {
    }

    private final NclueEmulator emulator;
    private final EmulatorApi api;
    private final DemoChain chain;
    private final RequestLog requests;
    private final Duration step;
    private final Duration spread;
    private final Duration margin;
    private final boolean analyze;

    SetupWindow(NclueEmulator emulator, EmulatorApi api, DemoChain chain, RequestLog requests, Duration step,
                Duration spread, Duration margin, boolean analyze) {
        this.emulator = emulator;
        this.api = api;
        this.chain = chain;
        this.requests = requests;
        this.step = step;
        this.spread = spread;
        this.margin = margin;
        this.analyze = analyze;
    }

    /** Creates {@code count} runs named after {@code label} with the quota off; the quota is on when it returns. */
    List<RunFleet.Run> createRuns(String label, int count) throws Exception {
        emulator.setQuotaPerSecond(0);
        try {
            return RunFleet.create(api, chain, label, count, spread);
        } finally {
            emulator.setQuotaPerSecond(1);
        }
    }

    /** The last run's terminal change comes three steps after its creation; the margin covers the watchers. */
    Instant deadline() {
        return Instant.now().plus(step.multipliedBy(3)).plus(margin);
    }

    Result measure(InstanceCluster cluster, String label, int count, LedgerActivity ledger) throws Exception {
        List<RunFleet.Run> runs = createRuns(label, count);
        Instant deadline = deadline();
        Instant from = Instant.now();
        LedgerActivity.Counters ledgerBefore = ledger.read();
        long quotaBefore = emulator.stats().quotaExceeded();
        long leadsBefore = cluster.count(Type.LEADS);
        long failedBefore = cluster.count(Type.FAILED);
        long parkedBefore = cluster.count(Type.PARKED);
        String leader = cluster.leader().orElseThrow().name();
        cluster.park(runs);
        if (analyze) {
            InstanceCluster.poll(() -> cluster.count(Type.PARKED) - parkedBefore >= count, deadline);
            ledger.analyze();
        }
        // every wait ended, and the consumer got every run's end (it emits a poll or two after the waits end)
        Set<String> ids = runs.stream().map(RunFleet.Run::id).collect(Collectors.toSet());
        InstanceCluster.poll(() -> cluster.endedWaits(ids, name -> true) >= count && cluster.endsConsumed(ids) >= count,
                deadline);
        Instant to = Instant.now();
        LedgerActivity.Counters ledgerUse = ledger.read().minus(ledgerBefore);

        List<InstanceEvent> events = cluster.events();
        ChangeLatencies waits = new ChangeLatencies(emulator, events, Type.ENDED);
        ChangeLatencies consumer = new ChangeLatencies(emulator, events, Type.CHANGE);
        return new Result(cluster.alive().size(), count, ChangeLatencies.seconds(from, to),
                requests.between(from, to).size(), requests.sweeps(from, to), requests.sweepIntervals(from, to),
                emulator.stats().quotaExceeded() - quotaBefore, cluster.count(Type.LEADS) - leadsBefore,
                waits.waits(runs, name -> true), waits.waits(runs, leader::equals),
                waits.waits(runs, name -> !leader.equals(name)),
                cluster.count(Type.FAILED) - failedBefore, consumer.changes(runs, from, to), ledgerUse,
                InstancesBench.loadAverage());
    }
}
