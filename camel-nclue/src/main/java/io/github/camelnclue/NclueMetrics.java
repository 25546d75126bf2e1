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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelnclue.client.ApiCallListener;
import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.JobStatusListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * Records the component's work in a Micrometer {@link MeterRegistry} bound in the Camel registry (as camel-micrometer
 * users do). Micrometer is an optional dependency: the component loads this class only when
 * Micrometer is on the classpath.
 * <ul>
 * <li>{@value #API_CALLS}: counter of API call attempts, tagged {@code operation} ({@code tasks.create}, ...) and
 * {@code outcome} ({@code success}, {@code retried}, {@code throttled} or {@code failure})</li>
 * <li>{@value #API_THROTTLED}: counter of requests that waited for the NCLUE rate limit (1 request per second per
 * access key), and the gauge {@value #API_THROTTLED_WAITING} of requests waiting now</li>
 * <li>{@value #JOB_STATUS}: counter of observed job status changes, tagged {@code kind} and {@code status} (the new
 * status)</li>
 * <li>{@value #JOB_STATUS_DURATION}: timer of the time jobs spent in a status, tagged {@code kind} and {@code status}
 * (the status left)</li>
 * </ul>
 */
final class NclueMetrics implements ApiCallListener, JobStatusListener {

    static final String API_CALLS = "nclue.api.calls";
    static final String API_THROTTLED = "nclue.api.throttled";
    static final String API_THROTTLED_WAITING = "nclue.api.throttled.waiting";
    static final String JOB_STATUS = "nclue.jobs.status";
    static final String JOB_STATUS_DURATION = "nclue.jobs.status.duration";

    private static final String CAMEL_MICROMETER_REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    private NclueMetrics(MeterRegistry registry, Set<RequestRateLimiter> rateLimiters) {
        this.registry = registry;
        meters.add(FunctionCounter.builder(API_THROTTLED, rateLimiters,
                        limiters -> limiters.stream().mapToLong(RequestRateLimiter::throttledCount).sum())
                .description("NCLUE requests that waited for the rate limit").register(registry));
        meters.add(Gauge.builder(API_THROTTLED_WAITING, rateLimiters,
                        limiters -> limiters.stream().mapToInt(RequestRateLimiter::waitingCount).sum())
                .description("NCLUE requests waiting for the rate limit now").register(registry));
    }

    /**
     * The metrics of a component, if a {@link MeterRegistry} is bound in the Camel registry: the only one, or the one
     * camel-micrometer names {@code metricsRegistry}. Call only when Micrometer is on the classpath.
     */
    static NclueMetrics lookup(CamelContext context, Set<RequestRateLimiter> rateLimiters) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY_NAME, MeterRegistry.class);
        }
        return registry != null ? new NclueMetrics(registry, rateLimiters) : null;
    }

    @Override
    public void onOutcome(String operation, String outcome) {
        remember(Counter.builder(API_CALLS).description("NCLUE and DataForest API call attempts")
                .tag("operation", operation).tag("outcome", outcome).register(registry)).increment();
    }

    @Override
    public void onStatusChange(JobKind kind, String id, String previousStatus, String status, Duration inPreviousStatus) {
        remember(Counter.builder(JOB_STATUS).description("Observed job status changes")
                .tag("kind", kind.uriName()).tag("status", status).register(registry)).increment();
        if (previousStatus != null && inPreviousStatus != null) {
            remember(Timer.builder(JOB_STATUS_DURATION).description("Time jobs spent in a status")
                    .tag("kind", kind.uriName()).tag("status", previousStatus).register(registry))
                    .record(inPreviousStatus);
        }
    }

    private <M extends Meter> M remember(M meter) {
        if (!meters.contains(meter)) {
            meters.add(meter);
        }
        return meter;
    }

    /** Removes this component's meters from the registry. */
    void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
