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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelnclue.emulator.EmulatorStats;

/**
 * Every API request the emulator received, as it arrived ({@link EmulatorStats#onRequest}). A status sweep starts
 * with the task runs' first list page ({@code index=0}) and runs until the next one starts: whichever instance sent
 * them, the requests in between are that sweep's (list pages and reads by id).
 */
final class RequestLog implements Consumer<EmulatorStats.Request> {

    static final String LIST_ROUTE = "GET /api/v1/task-runs";

    private final List<EmulatorStats.Request> requests = new ArrayList<>();

    @Override
    public synchronized void accept(EmulatorStats.Request request) {
        requests.add(request);
    }

    synchronized List<EmulatorStats.Request> between(Instant from, Instant to) {
        return requests.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).toList();
    }

    /** The requests of each sweep that started and ended within the window, in order. */
    List<Integer> sweeps(Instant from, Instant to) {
        List<Integer> sweeps = new ArrayList<>();
        int current = -1;
        for (EmulatorStats.Request request : between(from, to)) {
            if (startsSweep(request)) {
                if (current > 0) {
                    sweeps.add(current);
                }
                current = 0;
            }
            if (current >= 0) {
                current++;
            }
        }
        // the last sweep is dropped: it may not have ended when the window did
        return sweeps;
    }

    /** Seconds between the starts of consecutive sweeps within the window. */
    List<Double> sweepIntervals(Instant from, Instant to) {
        List<Instant> starts = between(from, to).stream().filter(RequestLog::startsSweep)
                .map(EmulatorStats.Request::at).toList();
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            intervals.add(Duration.between(starts.get(i - 1), starts.get(i)).toNanos() / 1e9);
        }
        return intervals;
    }

    /** The first sweep that started after {@code instant}. */
    Optional<EmulatorStats.Request> firstSweepAfter(Instant instant) {
        return between(instant, Instant.MAX).stream().filter(RequestLog::startsSweep).findFirst();
    }

    /** The first request of any kind after {@code instant}. */
    Optional<EmulatorStats.Request> firstAfter(Instant instant) {
        return between(instant, Instant.MAX).stream().findFirst();
    }

    long sweepStartsAfter(Instant instant) {
        return between(instant, Instant.MAX).stream().filter(RequestLog::startsSweep).count();
    }

    /** One line a request (instant, route, query), for reading a run's timeline afterwards. */
    synchronized void writeTo(Path file) throws IOException {
        List<String> lines = requests.stream().map(r -> r.at() + "\t" + r.route() + "\t" + r.rawQuery()).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static boolean startsSweep(EmulatorStats.Request request) {
        if (!LIST_ROUTE.equals(request.route())) {
            return false;
        }
        List<String> query = request.rawQuery() == null ? List.of() : List.of(request.rawQuery().split("&"));
        return query.contains("index=0") || query.stream().noneMatch(p -> p.startsWith("index="));
    }
}
