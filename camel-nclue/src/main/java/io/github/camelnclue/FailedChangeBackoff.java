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
package io.github.camelnclue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the consumer offers a change again after its route failed: the first retry after {@code redeliveryDelay},
 * each next one after twice the previous delay, at most {@code maxRedeliveryDelay}; other changes are not held up.
 * Each failed attempt is logged once; the stack trace only with the first failure of a change (through the
 * consumer's exception handler), later attempts in one line, so a permanent error (a wrong secret) neither spins
 * nor floods the log. Kept in memory: after a restart a failing change is tried at once, then backs off again.
 */
final class FailedChangeBackoff {

    private static final Logger LOG = LoggerFactory.getLogger(NclueConsumer.class);

    private final long initialDelay;
    private final long maxDelay;
    private final LongSupplier clock;
    private final Map<String, Attempts> failing = new ConcurrentHashMap<>();

    private record Attempts(int count, long delay, long nextAt) {
    }

    /**
     * @param clock milliseconds, monotonic
     */
    FailedChangeBackoff(long initialDelay, long maxDelay, LongSupplier clock) {
        this.initialDelay = Math.max(0, initialDelay);
        this.maxDelay = Math.max(this.initialDelay, maxDelay);
        this.clock = clock;
    }

    FailedChangeBackoff(long initialDelay, long maxDelay) {
        this(initialDelay, maxDelay, () -> System.nanoTime() / 1_000_000);
    }

    /** The key of the change with index {@code index} in the status history of job {@code jobId}. */
    static String key(String jobId, int index) {
        return jobId + "#" + index;
    }

    /** Whether the change may be offered now: never failed, or its delay is over. */
    boolean isDue(String key) {
        Attempts attempts = failing.get(key);
        return attempts == null || clock.getAsLong() >= attempts.nextAt();
    }

    void succeeded(String key) {
        failing.remove(key);
    }

    /** Records a failed attempt, logs it and returns the delay before the next one. */
    Duration failed(String key, String what, Exchange exchange, Exception error, ExceptionHandler handler) {
        Attempts attempts = failing.compute(key, (k, previous) -> {
            long delay = previous == null ? initialDelay : Math.min(maxDelay, Math.max(1, previous.delay()) * 2);
            return new Attempts(previous == null ? 1 : previous.count() + 1, delay, clock.getAsLong() + delay);
        });
        String message = what + " failed (attempt " + attempts.count() + "); it is offered again in "
                         + attempts.delay() + " ms";
        if (attempts.count() == 1) {
            handler.handleException(message, exchange, error);
        } else {
            LOG.warn("{}: {}", message, error.toString());
        }
        return Duration.ofMillis(attempts.delay());
    }

    /** Changes waiting for their next attempt. */
    int failingCount() {
        return failing.size();
    }
}
