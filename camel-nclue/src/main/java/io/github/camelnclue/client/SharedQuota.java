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

/**
 * The request quota of an access key as every process using the key sees it, so that instances sharing a key (and a
 * process restarted after its predecessor) stay within the quota together. One slot per key: a process claims it
 * before sending and releases it when the reply is in, naming when the key's next request may go.
 * <p>
 * A claim in a store shared between live processes is {@linkplain #leased() leased}: it ends by itself one lease after
 * the holder last {@linkplain #renew renewed} it, so the slot of a process killed mid-request is free again within a
 * lease however long a live holder's request may take.
 * <p>
 * Implementations are called from the component's worker threads and may block briefly (a file, a database).
 */
public interface SharedQuota {

    /** The quota of one process: nothing is shared. */
    SharedQuota LOCAL = new SharedQuota() {
        @Override
        public Duration claim(String key, Duration interval, Duration lease) {
            return Duration.ZERO;
        }

        @Override
        public void release(String key, Duration interval) {
            // nothing shared
        }
    };

    /**
     * Claims the key's slot for this process.
     *
     * @param  key      the key's identity (a hash, never the access key itself)
     * @param  interval the quota's interval between two requests of the key
     * @param  lease    how long the claim holds if this process neither renews nor releases it (it died mid-request)
     * @return          {@link Duration#ZERO} if this process holds the slot now; otherwise how long to wait before
     *                  claiming again
     */
    Duration claim(String key, Duration interval, Duration lease);

    /**
     * Whether a claim ends with its lease unless {@linkplain #renew renewed}. If not, {@link #renew} is never called:
     * the claim holds until released (a store only one process at a time uses).
     */
    default boolean leased() {
        return false;
    }

    /**
     * Extends this process's claim, while its request is in flight, to {@code lease} from now; does nothing if the
     * claim ended (released, or its lease ran out and another process holds the slot).
     */
    default void renew(String key, Duration lease) {
        // claims do not expire
    }

    /** Ends this process's claim: the key's next request, from any process, may go {@code interval} from now. */
    void release(String key, Duration interval);
}
