/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to You under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly to at most {@code permitsPerSecond}, without blocking: each caller reserves the next free slot
 * and gets a future completed at that slot. NCLUE allows 1 request per second per access key, so every client of the
 * same key and API in this JVM shares one limiter ({@link #shared}).
 */
public final class RequestRateLimiter {

    private static final Map<String, RequestRateLimiter> SHARED = new ConcurrentHashMap<>();

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextFreeSlot;
    private final AtomicLong throttled = new AtomicLong();

    RequestRateLimiter(double permitsPerSecond, LongSupplier nanoClock) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0 but was " + permitsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.nanoClock = nanoClock;
        this.nextFreeSlot = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * The limiter shared by every client of {@code scope} (an API base URL and access key) in this JVM. The rate of the
     * first caller wins: one key has one quota.
     */
    public static RequestRateLimiter shared(String scope, double permitsPerSecond) {
        return SHARED.computeIfAbsent(scope, s -> new RequestRateLimiter(permitsPerSecond, System::nanoTime));
    }

    /**
     * Reserves the next slot.
     *
     * @return nanoseconds to wait before sending (0 when the slot is now)
     */
    public long reserve() {
        long now = nanoClock.getAsLong();
        long slot = nextFreeSlot.getAndAccumulate(now, (next, n) -> Math.max(next, n) + intervalNanos);
        long wait = Math.max(0, slot - now);
        if (wait > 0) {
            throttled.incrementAndGet();
        }
        return wait;
    }

    /** A future completed when the caller may send its request. */
    public CompletableFuture<Void> acquire() {
        long wait = reserve();
        if (wait == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
    }

    /** How many reservations had to wait since this limiter was created. */
    public long throttledCount() {
        return throttled.get();
    }
}
