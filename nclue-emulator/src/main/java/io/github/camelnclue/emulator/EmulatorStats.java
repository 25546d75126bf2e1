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
package io.github.camelnclue.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.camelnclue.emulator.http.RequestStats;

/**
 * Counters for assertions in tests and benchmarks; also served as JSON at {@code GET /_emulator/stats}.
 * Requests are counted per route template ({@code GET /api/v1/tasks/{id}}), whether they succeeded or not. For the
 * requests the NCLUE quota counts, the stats also keep how close together they arrived: the most within one second
 * and the shortest gap, which show whether clients pace themselves within the quota, not only whether it refused
 * them.
 */
public final class EmulatorStats {

    /** An immutable copy of all counters (the JSON of {@code /_emulator/stats}). */
    public record Snapshot(long totalRequests, long unauthorized, long quotaExceeded, long faultsInjected,
                           int busiestSecond, Map<String, Long> created, Map<String, Long> requests) {
    }

    /** One {@code /api} request as it arrived, before faults, authentication and the quota were applied. */
    public record Request(Instant at, String route, String rawQuery) {
    }

    private final Map<JobKind, AtomicLong> created = new EnumMap<>(JobKind.class);
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder quotaExceeded = new LongAdder();
    private final LongAdder faultsInjected = new LongAdder();
    // guarded by this: the requests the quota judged, and the arrivals (System.nanoTime) within a second of the latest
    private long quotaCounted;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private int busiestSecond;
    private long shortestGapNanos = Long.MAX_VALUE;
    private volatile Consumer<Request> requestListener;

    EmulatorStats() {
        for (JobKind kind : JobKind.values()) {
            created.put(kind, new AtomicLong());
        }
    }

    /** Jobs of this kind created since start or the last {@link #reset()}. */
    public long created(JobKind kind) {
        return created.get(kind).get();
    }

    public long totalRequests() {
        return total.sum();
    }

    /** @param route method and path template, e.g. {@code "GET /api/v1/tasks/{id}"} */
    public long requests(String route) {
        LongAdder adder = requests.get(route);
        return adder == null ? 0 : adder.sum();
    }

    /** Replies 401 (authentication failed). */
    public long unauthorized() {
        return unauthorized.sum();
    }

    /** Replies 429 from the quota, not counting injected 429 faults. */
    public long quotaExceeded() {
        return quotaExceeded.sum();
    }

    /** NCLUE requests the quota judged (signed {@code /api/v1} requests), let through or refused. */
    public synchronized long quotaCounted() {
        return quotaCounted;
    }

    public long faultsInjected() {
        return faultsInjected.sum();
    }

    /**
     * The most NCLUE requests (signed {@code /api/v1} requests, which the quota counts whether it lets them through or
     * not) that arrived within any one second; at most 1 when clients keep to the 1 request/second quota.
     */
    public synchronized int busiestSecond() {
        return busiestSecond;
    }

    /** The shortest time between two NCLUE requests the quota counted, or null before the second one. */
    public synchronized Duration shortestGap() {
        return shortestGapNanos == Long.MAX_VALUE ? null : Duration.ofNanos(shortestGapNanos);
    }

    /**
     * Tells {@code listener} of every {@code /api} request as it arrives, on the server's thread (null: nobody). For
     * benchmarks that need when each request came, not only how many: e.g. where each status sweep of a client starts.
     */
    public void onRequest(Consumer<Request> listener) {
        this.requestListener = listener;
    }

    public Snapshot snapshot() {
        Map<String, Long> createdByKind = new TreeMap<>();
        created.forEach((kind, count) -> createdByKind.put(kind.statsName(), count.get()));
        Map<String, Long> byRoute = new TreeMap<>();
        requests.forEach((route, count) -> byRoute.put(route, count.sum()));
        return new Snapshot(totalRequests(), unauthorized(), quotaExceeded(), faultsInjected(), busiestSecond(),
                createdByKind, byRoute);
    }

    public void reset() {
        synchronized (this) {
            quotaCounted = 0;
            lastSecond.clear();
            busiestSecond = 0;
            shortestGapNanos = Long.MAX_VALUE;
        }
        created.values().forEach(c -> c.set(0));
        requests.clear();
        total.reset();
        unauthorized.reset();
        quotaExceeded.reset();
        faultsInjected.reset();
    }

    void countCreated(JobKind kind) {
        created.get(kind).incrementAndGet();
    }

    private synchronized void quotaCounted(boolean allowed) {
        if (!allowed) {
            // before the count: whoever sees the request counted sees its refusal
            quotaExceeded.increment();
        }
        quotaCounted++;
        // read under the lock, so arrivals are recorded in the order of their times
        long now = System.nanoTime();
        Long previous = lastSecond.peekLast();
        if (previous != null) {
            shortestGapNanos = Math.min(shortestGapNanos, now - previous);
        }
        while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
            lastSecond.pollFirst();
        }
        lastSecond.addLast(now);
        busiestSecond = Math.max(busiestSecond, lastSecond.size());
    }

    /** The HTTP front's view: it counts requests without being able to reset or read the counters. */
    RequestStats requestStats() {
        return new RequestStats() {
            @Override
            public void request(String route, String rawQuery) {
                total.increment();
                requests.computeIfAbsent(route, k -> new LongAdder()).increment();
                Consumer<Request> listener = requestListener;
                if (listener != null) {
                    listener.accept(new Request(Instant.now(), route, rawQuery));
                }
            }

            @Override
            public void faultInjected() {
                faultsInjected.increment();
            }

            @Override
            public void unauthorized() {
                unauthorized.increment();
            }

            @Override
            public void quotaCounted(boolean allowed) {
                EmulatorStats.this.quotaCounted(allowed);
            }
        };
    }
}
