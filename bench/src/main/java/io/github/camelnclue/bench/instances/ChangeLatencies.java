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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.github.camelnclue.bench.Sample;
import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.bench.status.RunFleet;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.StatusChange;

/**
 * Latency of a status change: the instant the emulator made it ({@link NclueEmulator#statusHistory}) to the instant
 * its exchange reached a route in an instance (the instance's own clock: same machine). A wait's change is its run's
 * terminal one; the consumer's are every change in the window.
 */
final class ChangeLatencies {

    static final Set<String> TERMINAL = Set.of("completed", "failed");

    /** Latencies in seconds, and the changes no route got (by status). */
    record Result(Sample seconds, int missed, int duplicates, Map<String, Integer> missedByStatus) {
    }

    private final NclueEmulator emulator;
    private final Map<String, List<InstanceEvent>> byRunAndStatus = new HashMap<>();

    ChangeLatencies(NclueEmulator emulator, List<InstanceEvent> events, Type type) {
        this.emulator = emulator;
        for (InstanceEvent event : events) {
            if (event.type() == type) {
                byRunAndStatus.computeIfAbsent(key(event.runId(), event.status()), k -> new ArrayList<>()).add(event);
            }
        }
    }

    /** The waits on {@code runs} whose exchange ended in an instance {@code holder} accepts. */
    Result waits(List<RunFleet.Run> runs, Predicate<String> holder) {
        List<Double> seconds = new ArrayList<>();
        int missed = 0;
        for (RunFleet.Run run : runs) {
            Optional<StatusChange> end = emulator.statusHistory(run.id()).stream()
                    .filter(c -> TERMINAL.contains(c.status())).findFirst();
            if (end.isEmpty()) {
                continue;
            }
            List<InstanceEvent> ended = byRunAndStatus.get(key(run.id(), end.get().status()));
            if (ended == null) {
                missed++;
            } else if (holder.test(ended.get(0).instance())) {
                seconds.add(seconds(end.get().at(), ended.get(0).at()));
            }
        }
        return new Result(new Sample(seconds), missed, 0, Map.of());
    }

    /** Every change of {@code runs} the emulator made within [from, to). */
    Result changes(List<RunFleet.Run> runs, Instant from, Instant to) {
        List<Double> seconds = new ArrayList<>();
        int missed = 0;
        int duplicates = 0;
        Map<String, Integer> missedByStatus = new TreeMap<>();
        for (RunFleet.Run run : runs) {
            for (StatusChange change : emulator.statusHistory(run.id())) {
                if (change.at().isBefore(from) || !change.at().isBefore(to)) {
                    continue;
                }
                List<InstanceEvent> seen = byRunAndStatus.get(key(run.id(), change.status()));
                if (seen == null) {
                    missed++;
                    missedByStatus.merge(change.status(), 1, Integer::sum);
                } else {
                    seconds.add(seconds(change.at(), seen.get(0).at()));
                    duplicates += seen.size() - 1;
                }
            }
        }
        return new Result(new Sample(seconds), missed, duplicates, missedByStatus);
    }

    /** The first exchange after {@code instant} for a change the emulator made after it, and when. */
    Optional<InstanceEvent> firstDeliveredAfter(Instant instant, Predicate<String> instance) {
        return byRunAndStatus.values().stream().flatMap(List::stream)
                .filter(e -> e.at().isAfter(instant) && instance.test(e.instance()))
                .filter(e -> emulator.statusHistory(e.runId()).stream()
                        .anyMatch(c -> c.status().equals(e.status()) && c.at().isAfter(instant)))
                .min((a, b) -> a.at().compareTo(b.at()));
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String key(String runId, String status) {
        return runId + " " + status;
    }
}
