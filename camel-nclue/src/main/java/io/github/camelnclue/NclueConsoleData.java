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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.FileJobLedger;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobTracker;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;

/**
 * What the {@code nclue} dev console shows of each nclue component of a context, read without starting anything: the
 * only class that knows where the numbers come from.
 *
 * @param component      the component's name in the context (usually {@code nclue})
 * @param ledgerKind     the ledger's class (FileJobLedger, JdbcJobLedger, InMemoryJobLedger or the user's)
 * @param ledgerStarted  false while the component is not started (the ledger starts with it)
 * @param ledgerSize     how many jobs (and create intents) the ledger holds for the accounts of this context
 * @param jobs           jobs the ledger tracks: kind, then last observed status, then count
 * @param parkedWaits    exchanges parked until their job ends (waitForCompletion)
 * @param quota          the NCLUE request quota, over every access key of the component
 * @param sweepErrors    the pollers whose last sweep failed, with that error
 */
record NclueConsoleData(
        String component, String ledgerKind, boolean ledgerStarted, int ledgerSize,
        Map<String, Map<String, Integer>> jobs, int parkedWaits, Quota quota, List<SweepError> sweepErrors) {

    /**
     * @param requestsLastMinute requests sent in the last 60 seconds
     * @param queued             requests waiting for their turn now
     * @param inFlight           requests sent whose reply is not in yet (at most one per access key)
     * @param throttled          requests that had to wait since the start
     */
    record Quota(int requestsLastMinute, int queued, int inFlight, long throttled) {
    }

    /** @param api the API base URL of the poller's account (without the access key) */
    record SweepError(String kind, String api, String message) {
    }

    static List<NclueConsoleData> read(CamelContext context) {
        List<NclueConsoleData> all = new ArrayList<>();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof NclueComponent nclue) {
                all.add(read(name, nclue, context.getEndpoints()));
            }
        }
        return all;
    }

    private static NclueConsoleData read(String name, NclueComponent component, Collection<Endpoint> endpoints) {
        NclueRuntime runtime = component.runtime();
        JobTracker tracker = runtime != null ? runtime.tracker() : null;
        Quota quota = quota(runtime != null ? runtime.rateLimiters() : Set.of());
        if (tracker == null) {
            JobLedger configured = component.getLedger();
            String kind = (configured != null ? configured.getClass() : FileJobLedger.class).getSimpleName();
            return new NclueConsoleData(name, kind, false, 0, Map.of(), 0, quota, List.of());
        }
        Collection<JobPoller> pollers = runtime.pollers();
        Map<String, Map<String, Integer>> jobs = new TreeMap<>();
        int size = 0;
        for (Account account : accounts(component, endpoints, pollers)) {
            for (Map.Entry<String, Integer> count : tracker.ledger().countByLastStatus(account.scope(),
                    account.kind()).entrySet()) {
                jobs.computeIfAbsent(account.kind().uriName(), k -> new TreeMap<>())
                        .merge(count.getKey(), count.getValue(), Integer::sum);
                size += count.getValue();
            }
        }
        int parked = 0;
        List<SweepError> errors = new ArrayList<>();
        for (JobPoller poller : pollers) {
            parked += poller.waitCount();
            Throwable error = poller.lastError();
            if (error != null) {
                errors.add(new SweepError(poller.kind().uriName(), AccountScope.api(poller.scope()),
                        String.valueOf(error)));
            }
        }
        return new NclueConsoleData(name, tracker.ledger().getClass().getSimpleName(), true, size,
                jobs, parked, quota, errors);
    }

    private record Account(String scope, JobKind kind) {
    }

    /** Every account and kind of job this component's endpoints and pollers use. */
    private static Set<Account> accounts(
            NclueComponent component, Collection<Endpoint> endpoints, Collection<JobPoller> pollers) {
        Set<Account> accounts = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint instanceof NclueEndpoint nclue && nclue.getComponent() == component
                    && nclue.getConfiguration().getResource().jobKind() != null) {
                accounts.add(new Account(nclue.scope(), nclue.getConfiguration().getResource().jobKind()));
            }
        }
        pollers.forEach(poller -> accounts.add(new Account(poller.scope(), poller.kind())));
        return accounts;
    }

    private static Quota quota(Set<RequestRateLimiter> limiters) {
        int lastMinute = 0;
        int queued = 0;
        int inFlight = 0;
        long throttled = 0;
        for (RequestRateLimiter limiter : limiters) {
            lastMinute += limiter.requestsInLastMinute();
            queued += limiter.waitingCount();
            inFlight += limiter.isInFlight() ? 1 : 0;
            throttled += limiter.throttledCount();
        }
        return new Quota(lastMinute, queued, inFlight, throttled);
    }
}
