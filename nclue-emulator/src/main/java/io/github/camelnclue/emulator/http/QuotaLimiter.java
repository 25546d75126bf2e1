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
package io.github.camelnclue.emulator.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * NCLUE's "1 request per second" limit (docs/ncp-api.md §2.2) as a token bucket per access key: capacity 1, refilled at
 * {@code perSecond} tokens/s. A request is let through when the bucket is full up to {@code tolerance} of refill
 * time, to absorb network jitter of clients that pace themselves exactly; it may then owe that bit of time to the
 * next request, so a steady over-rate client is still caught.
 */
public final class QuotaLimiter {

    private double perSecond;
    private final long toleranceNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens = 1.0;
        long lastRefill;

        Bucket(long now) {
            this.lastRefill = now;
        }
    }

    public QuotaLimiter(double perSecond, Duration tolerance, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.toleranceNanos = tolerance.toNanos();
        this.nanoClock = nanoClock;
    }

    /** @return {@code true} when the request may proceed; a rejected request takes no token */
    synchronized boolean tryAcquire(String accessKey) {
        if (perSecond <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(accessKey, k -> new Bucket(now));
        double tokens = Math.min(1.0, bucket.tokens + (now - bucket.lastRefill) * perSecond / 1e9);
        bucket.tokens = tokens;
        bucket.lastRefill = now;
        double needed = 1.0 - toleranceNanos * perSecond / 1e9;
        if (tokens + 1e-9 < needed) {
            return false;
        }
        bucket.tokens = tokens - 1.0;
        return true;
    }

    /** Changes the rate from now on (0 = unlimited); every bucket starts full again. */
    public synchronized void setPerSecond(double perSecond) {
        this.perSecond = perSecond;
        buckets.clear();
    }

    synchronized void reset() {
        buckets.clear();
    }
}
