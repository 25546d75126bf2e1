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
import io.github.camelnclue.emulator.EmulatorStats;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * What one watcher did in its window: latency of the changes, its sweeps (rounds) and the API requests and 429s the
 * emulator counted.
 */
record WatchResult(LatencyReport latency, List<SweepRecorder.Sweep> sweeps, long apiRequests, long quotaExceeded,
                   Duration window) {

    /** Requests per sweep (or per round of the baseline). */
    Sample requestsPerSweep() {
        return new Sample(sweeps.stream().map(s -> (double) s.requests()).toList());
    }

    /** Seconds between consecutive sweep starts. */
    Sample sweepSeconds() {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < sweeps.size(); i++) {
            gaps.add((sweeps.get(i).startNanos() - sweeps.get(i - 1).startNanos()) / 1e9);
        }
        return new Sample(gaps);
    }

    /** Sweeps where the poller's own lastSweepRequests disagreed with the requests seen. */
    long pollerMismatches() {
        return sweeps.stream().filter(s -> s.pollerReported() >= 0 && s.pollerReported() != s.requests()).count();
    }

    /** Emulator counters at the start of a window, to take differences at its end. */
    static final class Meter {

        private final NclueEmulator emulator;
        private final long requestsBefore;
        private final long quotaExceededBefore;

        Meter(NclueEmulator emulator) {
            this.emulator = emulator;
            EmulatorStats stats = emulator.stats();
            this.requestsBefore = stats.totalRequests();
            this.quotaExceededBefore = stats.quotaExceeded();
        }

        WatchResult result(List<RunFleet.Run> runs, Detections detections, Instant start, Instant end,
                           List<SweepRecorder.Sweep> sweeps) {
            EmulatorStats stats = emulator.stats();
            return new WatchResult(LatencyReport.of(emulator, runs, detections, start, end), sweeps,
                    stats.totalRequests() - requestsBefore, stats.quotaExceeded() - quotaExceededBefore,
                    Duration.between(start, end));
        }
    }
}
