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
package io.github.camelnclue.exception;

import java.time.Duration;

/**
 * A request was refused before it was sent: the rate limiter's queue of its account was full, or the request waited
 * in it longer than requestQueueTimeout. Nothing reached the API; sending it again later is safe.
 */
public class NclueRequestQueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String limiter;
    private final Duration waited;

    private NclueRequestQueueException(String message, String limiter, Duration waited) {
        super(message);
        this.limiter = limiter;
        this.waited = waited;
    }

    /** The request waited {@code waited} for its turn and gave up. */
    public static NclueRequestQueueException timedOut(String limiter, Duration waited) {
        return new NclueRequestQueueException("no request slot for " + limiter + " after waiting " + waited.toMillis()
                                              + " ms (requestQueueTimeout): the account's requests are queued behind "
                                              + "its rate limit", limiter, waited);
    }

    /** {@code size} requests were already waiting. */
    public static NclueRequestQueueException full(String limiter, int size) {
        return new NclueRequestQueueException("the request queue of " + limiter + " is full: " + size
                                              + " requests wait for the rate limit (requestQueueSize)", limiter,
                Duration.ZERO);
    }

    /** The API base URL and the masked access key whose queue refused the request. */
    public String getLimiter() {
        return limiter;
    }

    /** How long the request waited before it was refused. */
    public Duration getWaited() {
        return waited;
    }
}
