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
package io.github.camelnclue.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps requests of one access key at most {@code permitsPerSecond} as the server sees them, without blocking a thread.
 * One request is in flight at a time and the next is sent one interval after the previous reply arrived: spacing send
 * times alone is not enough, because a request delayed on the way (a new connection, a slow hop) lands close to the
 * next one and the gateway answers 429. Callers wait in a queue on futures. NCLUE allows 1 request per second per
 * access key, so every client of the same key and API in this JVM shares one limiter ({@link #shared}).
 */
public final class RequestRateLimiter {

    private static final Map<String, RequestRateLimiter> SHARED = new ConcurrentHashMap<>();
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final BiConsumer<Runnable, Long> scheduler;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    // when the requests of the last minute were let through, for the dev console (at most 60 per permit per second)
    private final Deque<Long> recentGrants = new ArrayDeque<>();
    private final AtomicLong throttled = new AtomicLong();
    private boolean inFlight;
    private boolean grantScheduled;
    private long nextAllowed;

    RequestRateLimiter(double permitsPerSecond, LongSupplier nanoClock, BiConsumer<Runnable, Long> scheduler) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0 but was " + permitsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        this.nextAllowed = nanoClock.getAsLong();
    }

    public RequestRateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime,
                (task, delayNanos) -> CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS).execute(task));
    }

    /**
     * The limiter shared by every client of {@code scope} (an API base URL and access key) in this JVM. The rate of the
     * first caller wins: one key has one quota.
     */
    public static RequestRateLimiter shared(String scope, double permitsPerSecond) {
        return SHARED.computeIfAbsent(scope, s -> new RequestRateLimiter(permitsPerSecond));
    }

    /** A future completed when the caller may send; the caller must {@link #release()} once the reply is in. */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        boolean grantNow;
        synchronized (this) {
            grantNow = !inFlight && waiting.isEmpty() && nanoClock.getAsLong() >= nextAllowed;
            if (grantNow) {
                inFlight = true;
                recordGrant();
            } else {
                throttled.incrementAndGet();
                waiting.add(permit);
                scheduleGrant();
            }
        }
        if (grantNow) {
            permit.complete(null);
        }
        return permit;
    }

    /** The reply to the granted request arrived (or it failed): the next may go one interval from now. */
    public void release() {
        synchronized (this) {
            inFlight = false;
            nextAllowed = nanoClock.getAsLong() + intervalNanos;
            scheduleGrant();
        }
    }

    private void scheduleGrant() {
        if (!inFlight && !grantScheduled && !waiting.isEmpty()) {
            grantScheduled = true;
            scheduler.accept(this::grant, Math.max(0, nextAllowed - nanoClock.getAsLong()));
        }
    }

    private void grant() {
        CompletableFuture<Void> next;
        synchronized (this) {
            grantScheduled = false;
            if (inFlight || waiting.isEmpty()) {
                return;
            }
            if (nanoClock.getAsLong() < nextAllowed) {
                scheduleGrant();
                return;
            }
            next = waiting.poll();
            inFlight = true;
            recordGrant();
        }
        next.complete(null);
    }

    private void recordGrant() {
        long now = nanoClock.getAsLong();
        recentGrants.addLast(now);
        dropGrantsBefore(now - MINUTE_NANOS);
    }

    private void dropGrantsBefore(long nanos) {
        while (!recentGrants.isEmpty() && recentGrants.peekFirst() - nanos < 0) {
            recentGrants.pollFirst();
        }
    }

    /** How many requests this limiter let through in the last minute. */
    public synchronized int requestsInLastMinute() {
        dropGrantsBefore(nanoClock.getAsLong() - MINUTE_NANOS);
        return recentGrants.size();
    }

    /** Whether a request holds the permit now (sent, its reply not in yet). */
    public synchronized boolean isInFlight() {
        return inFlight;
    }

    /** How many requests had to wait since this limiter was created. */
    public long throttledCount() {
        return throttled.get();
    }

    /** How many requests are waiting now. */
    public synchronized int waitingCount() {
        return waiting.size();
    }
}
