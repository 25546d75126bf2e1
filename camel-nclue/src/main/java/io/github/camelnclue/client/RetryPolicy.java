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

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueIoException;

/**
 * Exponential backoff with full jitter, capped; a server's Retry-After wins when it asks for longer. And which failed
 * calls are sent again:
 * <ul>
 * <li>429 and refused connections: always, by the transport (nothing reached the service);</li>
 * <li>5xx, a reset connection or a timeout: reads, deletes and kills by the transport; NCLUE creates too, by
 * {@link JobResourceClient#create}: a name is unique per resource, so a resent create either creates the job or meets
 * 409 DUPLICATE_NAME and adopts the job the lost attempt created ({@link #resendsCreate});</li>
 * <li>a DataForest submit is never resent blindly: AI app names are random, so a resend could start a second app. Its
 * unknown outcome is resolved by listing the apps ({@link #outcomeUnknown}).</li>
 * </ul>
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
     * Whether a failed NCLUE create is sent again (within {@link #maxRetries()}): after a 5xx, a reset connection or a
     * timeout, since the job may or may not exist and a resend under the same name cannot make a second one. Refused
     * connections and 429 are not counted here: the transport already retries them for every call.
     */
    public boolean resendsCreate(Throwable failure, int resends) {
        return resends < maxRetries && outcomeUnknown(failure);
    }

    /**
     * True when a call failed in a way that leaves open whether the service acted on it: a 5xx reply, or no reply at
     * all (reset, timeout) after the request may have been sent. False for a refused connection (nothing was sent) and
     * for 4xx replies (the service refused it).
     */
    public static boolean outcomeUnknown(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof NclueApiException api) {
            return api.getHttpResponseCode() >= 500;
        }
        if (cause instanceof NclueIoException) {
            return !(cause.getCause() instanceof ConnectException);
        }
        return false;
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
