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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.bench.status.RunFleet;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * {@code kill -9} of the leader while its sweeps run: fresh runs are created and their waits parked over the
 * instances; once the leader swept them twice it is killed between two of its requests, and once the next leader
 * delivered a change, that one is killed while its request is in flight (holding the key's shared quota slot). The
 * window ends when every survivor's wait ended and the consumers got every run's end.
 */
final class FailoverWindow {

    /** What the failovers measured. */
    record Result(int runs, List<LeaderKill.Result> kills, List<Integer> sweepsAfter, long quotaExceeded,
                  ChangeLatencies.Result changesAfter, ChangeLatencies.Result survivorWaits, long lostWaits,
                  String loadAverage) {
    }

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(1);

    private final NclueEmulator emulator;
    private final RequestLog requests;
    private final SetupWindow setup;

    FailoverWindow(NclueEmulator emulator, RequestLog requests, SetupWindow setup) {
        this.emulator = emulator;
        this.requests = requests;
        this.setup = setup;
    }

    Result measure(InstanceCluster cluster, int count, LedgerActivity ledger) throws Exception {
        List<RunFleet.Run> runs = setup.createRuns("failover", count);
        Instant deadline = setup.deadline();
        long quotaBefore = emulator.stats().quotaExceeded();
        long parkedBefore = cluster.count(Type.PARKED);
        List<InstanceProcess> holders = cluster.park(runs);
        InstanceCluster.poll(() -> cluster.count(Type.PARKED) - parkedBefore >= count,
                Instant.now().plus(SETTLE_TIMEOUT));
        // the leader swept the new runs: one sweep began after every wait was parked, and the next began after it
        Instant parked = Instant.now();
        InstanceCluster.poll(() -> requests.sweepStartsAfter(parked) >= 2, Instant.now().plus(SETTLE_TIMEOUT));

        LeaderKill leaderKill = new LeaderKill(emulator, requests, ledger);
        List<LeaderKill.Result> kills = new ArrayList<>();
        Instant firstKill = Instant.now();
        for (LeaderKill.Moment moment : LeaderKill.Moment.values()) {
            if (cluster.alive().size() > 1) {
                kills.add(leaderKill.kill(cluster, moment));
            }
        }
        List<RunFleet.Run> survivorRuns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (holders.get(i).isAlive()) {
                survivorRuns.add(runs.get(i));
            }
        }
        // every survivor's wait ended, and the last leader's consumer got every run's end
        Set<String> ids = runs.stream().map(RunFleet.Run::id).collect(Collectors.toSet());
        Set<String> alive = cluster.alive().stream().map(InstanceProcess::name).collect(Collectors.toSet());
        Predicate<String> survivor = alive::contains;
        // a failover that took long may still owe the last changes: give the last leader a few sweeps for them
        Instant settled = Instant.now().plus(SETTLE_TIMEOUT);
        Instant end = deadline.isAfter(settled) ? deadline : settled;
        InstanceCluster.poll(() -> cluster.endedWaits(ids, survivor) >= survivorRuns.size()
                                   && cluster.endsConsumed(ids) >= count, end);
        Instant to = Instant.now();

        List<InstanceEvent> events = cluster.events();
        ChangeLatencies consumer = new ChangeLatencies(emulator, events, Type.CHANGE);
        ChangeLatencies waits = new ChangeLatencies(emulator, events, Type.ENDED);
        return new Result(count, kills, requests.sweeps(firstKill, to),
                emulator.stats().quotaExceeded() - quotaBefore, consumer.changes(runs, firstKill, to),
                waits.waits(survivorRuns, survivor), runs.size() - survivorRuns.size(),
                InstancesBench.loadAverage());
    }
}
