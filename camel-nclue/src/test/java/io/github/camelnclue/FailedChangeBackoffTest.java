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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedChangeBackoffTest {

    private final AtomicLong now = new AtomicLong(10_000);
    private final List<String> handled = new ArrayList<>();
    private final ExceptionHandler handler = new ExceptionHandler() {
        @Override
        public void handleException(Throwable exception) {
            handled.add(exception.getMessage());
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handled.add(message);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            handled.add(message);
        }
    };

    @Test
    void delaysDoubleUpToTheCapAndOnlyTheFirstFailureGoesToTheExceptionHandler() {
        FailedChangeBackoff backoff = new FailedChangeBackoff(100, 500, now::get);
        String change = FailedChangeBackoff.key("run-1", 3);
        List<Long> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertTrue(backoff.isDue(change), "due at attempt " + attempt);
            long delay = backoff.failed(change, "Processing x", null, new IllegalStateException("403"), handler)
                    .toMillis();
            delays.add(delay);
            now.addAndGet(delay - 1);
            assertFalse(backoff.isDue(change), "not due 1 ms early");
            now.incrementAndGet();
        }
        assertEquals(List.of(100L, 200L, 400L, 500L, 500L), delays);
        assertEquals(List.of("Processing x failed (attempt 1); it is offered again in 100 ms"), handled);
        assertTrue(backoff.isDue(FailedChangeBackoff.key("run-2", 0)), "other changes are not held up");

        backoff.succeeded(change);
        assertEquals(0, backoff.failingCount());
        assertEquals(Duration.ofMillis(100), backoff.failed(change, "again", null, new IllegalStateException(),
                handler), "a change that failed after a success starts over");
    }
}
