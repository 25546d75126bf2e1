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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRateLimiterTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A clock and timer the test advances by hand, so spacing is exact and the test takes no real time. */
    private static final class ManualTime {
        private record Task(long at, Runnable task) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        private long now = 7 * SECOND;

        synchronized long now() {
            return now;
        }

        synchronized void schedule(Runnable task, long delayNanos) {
            tasks.add(new Task(now + delayNanos, task));
        }

        void advance(long nanos) {
            synchronized (this) {
                now += nanos;
            }
        }

        void runDue() {
            while (true) {
                Task next;
                synchronized (this) {
                    next = tasks.peek();
                    if (next == null) {
                        return;
                    }
                    tasks.poll();
                    now = Math.max(now, next.at);
                }
                next.task.run();
            }
        }
    }

    @Test
    void twentyConcurrentCallersAreGrantedOneAtATimeAtLeastOneSecondApart() throws Exception {
        ManualTime time = new ManualTime();
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, time::now, time::schedule);
        List<CompletableFuture<Void>> permits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(20);
        for (int i = 0; i < 20; i++) {
            callers.submit(() -> {
                start.await();
                return permits.add(limiter.acquire());
            });
        }
        start.countDown();
        callers.shutdown();
        assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));

        List<Long> grantTimes = new ArrayList<>();
        for (int request = 0; request < 20; request++) {
            time.runDue();
            List<CompletableFuture<Void>> granted = permits.stream().filter(CompletableFuture::isDone).toList();
            assertEquals(request + 1, granted.size(), "exactly one more request may be in flight");
            grantTimes.add(time.now());
            time.advance(40 * MILLI); // the reply takes 40 ms
            limiter.release();
        }

        for (int i = 1; i < grantTimes.size(); i++) {
            assertEquals(SECOND + 40 * MILLI, grantTimes.get(i) - grantTimes.get(i - 1), "gap before request " + i);
        }
        assertEquals(19, limiter.throttledCount());
        assertEquals(0, limiter.waitingCount());
    }

    @Test
    void aLoneRequestAfterIdleTimeGoesAtOnce() {
        ManualTime time = new ManualTime();
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, time::now, time::schedule);
        assertTrue(limiter.acquire().isDone());
        limiter.release();
        time.advance(5 * SECOND);
        assertTrue(limiter.acquire().isDone());
        limiter.release();
        CompletableFuture<Void> tooSoon = limiter.acquire();
        assertTrue(!tooSoon.isDone());
        time.runDue();
        assertTrue(tooSoon.isDone());
        assertEquals(7 * SECOND + 5 * SECOND + SECOND, time.now());
    }

    @Test
    void rejectsNonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RequestRateLimiter(0));
    }

    @Test
    void countsTheRequestsOfTheLastMinuteAndTheOneInFlight() {
        ManualTime time = new ManualTime();
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, time::now, time::schedule);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire().isDone(), "granted at once: the previous reply came a second ago");
            assertTrue(limiter.isInFlight());
            limiter.release();
            assertFalse(limiter.isInFlight());
            time.advance(SECOND);
        }
        assertEquals(3, limiter.requestsInLastMinute());

        // sent at 0 s, 1 s and 2 s; now 61.001 s
        time.advance(58 * SECOND + MILLI);
        assertEquals(1, limiter.requestsInLastMinute(), "the first two were sent more than a minute ago");
        time.advance(SECOND);
        assertEquals(0, limiter.requestsInLastMinute());
    }
}
