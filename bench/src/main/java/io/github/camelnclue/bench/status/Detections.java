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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Status changes as the watcher saw them: run id, status and when the watcher got it (the exchange arrived in the
 * route, or the baseline's GET reply came back). Thread safe.
 */
public final class Detections {

    /** One detected status of one run. */
    public record Detection(String status, Instant at) {
    }

    private final Map<String, List<Detection>> byRun = new ConcurrentHashMap<>();

    public void add(String runId, String status, Instant at) {
        byRun.computeIfAbsent(runId, k -> new CopyOnWriteArrayList<>()).add(new Detection(status, at));
    }

    public List<Detection> of(String runId) {
        return byRun.getOrDefault(runId, List.of());
    }

    /** Whether every run was seen in one of {@code statuses}. */
    public boolean allSeenIn(List<RunFleet.Run> runs, Set<String> statuses) {
        for (RunFleet.Run run : runs) {
            if (of(run.id()).stream().noneMatch(d -> statuses.contains(d.status()))) {
                return false;
            }
        }
        return true;
    }

    public int total() {
        return byRun.values().stream().mapToInt(List::size).sum();
    }
}
