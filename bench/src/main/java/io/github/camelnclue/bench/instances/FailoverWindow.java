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
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.bench.status.RunFleet;
import io.github.camelnclue.emulator.EmulatorStats;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * {@code kill -9} of the leader while its sweeps run: fresh runs are created and their waits parked over the
 * instances; once the leader swept them twice, it is killed ({@code destroyForcibly}). Measured from the kill: when a
 * survivor says it leads, its first request and first sweep at the emulator, and the first exchange in a survivor's
 * route for a change the emulator made after the kill (which only the new leader's sweeps can have seen).
 */
final class FailoverWindow {

    /** What the failover measured; seconds from the kill, NaN when it did not happen before the deadline. */
    record Result(int runs, String killed, double toLeadership, double toFirstRequest, double toFirstSweep,
                  double toFirstDelivered, String firstDelivered, List<Integer> sweepsAfter, long quotaExceeded,
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

    Result measure(InstanceCluster cluster, int count) throws Exception {
        List<RunFleet.Run> runs = setup.createRuns("failover", count);
        Instant deadline = setup.deadline();
        long quotaBefore = emulator.stats().quotaExceeded();
        long parkedBefore = cluster.count(Type.PARKED);
        InstanceProcess leader = cluster.leader().orElseThrow();
        List<InstanceProcess> holders = cluster.park(runs);
        InstanceCluster.poll(() -> cluster.count(Type.PARKED) - parkedBefore >= count,
                Instant.now().plus(SETTLE_TIMEOUT));
        // the leader swept the new runs: one sweep began after every wait was parked, and the next began after it
        Instant parked = Instant.now();
        InstanceCluster.poll(() -> requests.sweepStartsAfter(parked) >= 2, Instant.now().plus(SETTLE_TIMEOUT));

        Instant killedAt = leader.kill();
        Instant goneAt = Instant.now();
        Predicate<String> survivor = name -> !leader.name().equals(name);
        List<RunFleet.Run> survivorRuns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (holders.get(i) != leader) {
                survivorRuns.add(runs.get(i));
            }
        }
        // every survivor's wait ended, and the new leader's consumer got every run's end
        Set<String> ids = runs.stream().map(RunFleet.Run::id).collect(Collectors.toSet());
        InstanceCluster.poll(() -> cluster.endedWaits(ids, survivor) >= survivorRuns.size()
                                   && cluster.endsConsumed(ids) >= count, deadline);
        Instant to = Instant.now();

        List<InstanceEvent> events = cluster.events();
        Optional<InstanceEvent> leads = events.stream()
                .filter(e -> e.type() == Type.LEADS && "true".equals(e.status()) && e.at().isAfter(killedAt))
                .filter(e -> survivor.test(e.instance())).findFirst();
        Optional<EmulatorStats.Request> firstRequest = requests.firstAfter(goneAt);
        Optional<EmulatorStats.Request> firstSweep = requests.firstSweepAfter(goneAt);
        ChangeLatencies consumer = new ChangeLatencies(emulator, events, Type.CHANGE);
        ChangeLatencies waits = new ChangeLatencies(emulator, events, Type.ENDED);
        Optional<InstanceEvent> delivered = Stream.of(consumer.firstDeliveredAfter(killedAt, survivor),
                waits.firstDeliveredAfter(killedAt, survivor)).flatMap(Optional::stream)
                .min((a, b) -> a.at().compareTo(b.at()));
        return new Result(count, leader.name(), since(killedAt, leads.map(InstanceEvent::at)),
                since(killedAt, firstRequest.map(EmulatorStats.Request::at)),
                since(killedAt, firstSweep.map(EmulatorStats.Request::at)),
                since(killedAt, delivered.map(InstanceEvent::at)),
                delivered.map(e -> e.type() + " " + e.status() + " on " + e.instance()).orElse("none"),
                firstSweep.map(r -> requests.sweeps(r.at(), to)).orElse(List.of()),
                emulator.stats().quotaExceeded() - quotaBefore, consumer.changes(runs, killedAt, to),
                waits.waits(survivorRuns, survivor), runs.size() - survivorRuns.size(), InstancesBench.loadAverage());
    }

    private static double since(Instant from, Optional<Instant> to) {
        return to.map(at -> ChangeLatencies.seconds(from, at)).orElse(Double.NaN);
    }
}
