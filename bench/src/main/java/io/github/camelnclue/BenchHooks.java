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
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobSource;

/**
 * Benchmark access to an endpoint's shared poller and ledger (package-private in the component). Lives in the
 * component's package to observe (the poller the consumer will use, with its job source wrapped so the benchmark sees
 * where each sweep starts; whether an instance leads) and to park waits without the API request that sends a create.
 */
public final class BenchHooks {

    private BenchHooks() {
    }

    /** The poller of a started endpoint's account and resource, created with {@code wrap} around its job source. */
    public static JobPoller poller(NclueEndpoint endpoint, UnaryOperator<JobSource> wrap) throws Exception {
        JobPoller poller = endpoint.poller();
        poller.useSource(wrap.apply(endpoint.jobSource()));
        return poller;
    }

    /** Whether this instance sweeps the API for a started endpoint's account and resource (it leads them). */
    public static boolean leads(NclueEndpoint endpoint) {
        return endpoint.poller().leads();
    }

    /**
     * Parks a wait as {@code operation=create&waitForCompletion=true} parks it once NCLUE replied: the job is
     * recorded in the ledger under its name, then the wait is parked on the poller (no request of its own).
     */
    public static CompletableFuture<NclueJob> awaitCreated(NclueEndpoint endpoint, String name, String id,
                                                           Duration timeout) {
        JobPoller poller = endpoint.poller();
        endpoint.tracker().ledger().recordJob(endpoint.scope(), poller.kind(), name, id, null);
        return poller.awaitEnd(id, timeout);
    }
}
