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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelnclue.bench.Sample;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.StatusChange;

/**
 * Latency from each status change the emulator made inside the measured window (its {@code statusHistory} instant) to
 * the watcher's detection of that status. A change whose status the watcher never saw (it skipped over it, or the
 * window ended first) counts as missed; changes before the window (the runs' creation) are not counted.
 */
public record LatencyReport(int changes, int detected, int missed, int duplicates, Sample seconds) {

    public static LatencyReport of(NclueEmulator emulator, List<RunFleet.Run> runs, Detections detections,
                                   Instant windowStart, Instant windowEnd) {
        int changes = 0;
        int missed = 0;
        int duplicates = 0;
        List<Double> latencies = new ArrayList<>();
        for (RunFleet.Run run : runs) {
            List<Detections.Detection> seen = detections.of(run.id());
            for (StatusChange change : emulator.statusHistory(run.id())) {
                List<Detections.Detection> same = seen.stream().filter(d -> d.status().equals(change.status())).toList();
                duplicates += Math.max(0, same.size() - 1);
                if (change.at().isBefore(windowStart) || change.at().isAfter(windowEnd)) {
                    continue;
                }
                changes++;
                if (same.isEmpty()) {
                    missed++;
                } else {
                    latencies.add(Duration.between(change.at(), same.get(0).at()).toNanos() / 1e9);
                }
            }
        }
        return new LatencyReport(changes, latencies.size(), missed, duplicates, new Sample(latencies));
    }
}
