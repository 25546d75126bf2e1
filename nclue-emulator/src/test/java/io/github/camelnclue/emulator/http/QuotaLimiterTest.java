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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final QuotaLimiter limiter = new QuotaLimiter(1, Duration.ofMillis(25), nanos::get);

    @Test
    void onePerSecondPerKeyWithJitterTolerance() {
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "keys have separate buckets");
        advance(500);
        assertFalse(limiter.tryAcquire("a"));
        advance(480); // 980 ms after the first: within the 25 ms tolerance
        assertTrue(limiter.tryAcquire("a"));
        advance(990); // owes the 20 ms it came early, so 990 ms later is too early...
        assertFalse(limiter.tryAcquire("a"));
        advance(30); // ...but a rejected request took nothing
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void zeroMeansUnlimited() {
        QuotaLimiter unlimited = new QuotaLimiter(0, Duration.ZERO, nanos::get);
        for (int i = 0; i < 100; i++) {
            assertTrue(unlimited.tryAcquire("a"));
        }
    }

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
