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

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, capped; a server's Retry-After wins when it asks for longer.
 *
 * @param maxRetries   retries after the first attempt (0 = never retry)
 * @param initialDelay the backoff ceiling of the first retry
 * @param maxDelay     the largest backoff ceiling
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0 but was " + maxRetries);
        }
    }

    /**
     * How long to wait before retry number {@code retry} (1-based).
     *
     * @param retryAfter the server's Retry-After, or null
     */
    public Duration delay(int retry, Duration retryAfter) {
        long ceiling = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(retry - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        Duration backoff = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
