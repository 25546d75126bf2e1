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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void twentyConcurrentCallersGetSlotsOneSecondApart() throws Exception {
        AtomicLong clock = new AtomicLong(5 * SECOND);
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, clock::get);
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        for (int i = 0; i < 20; i++) {
            callers.submit(() -> {
                start.await();
                return waits.add(limiter.reserve());
            });
        }
        start.countDown();
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.SECONDS);

        List<Long> sorted = new ArrayList<>(waits);
        Collections.sort(sorted);
        for (int i = 0; i < 20; i++) {
            assertEquals(i * SECOND, sorted.get(i), "caller " + i);
        }
        assertEquals(19, limiter.throttledCount());
    }

    @Test
    void idleTimeIsNotBankedIntoABurst() {
        AtomicLong clock = new AtomicLong(0);
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, clock::get);
        assertEquals(0, limiter.reserve());
        clock.addAndGet(10 * SECOND);
        assertEquals(0, limiter.reserve());
        assertEquals(SECOND, limiter.reserve());
    }

    @Test
    void rejectsNonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RequestRateLimiter(0, System::nanoTime));
    }
}
