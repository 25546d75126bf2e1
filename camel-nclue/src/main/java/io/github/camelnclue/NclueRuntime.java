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
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.client.ApiHttpClient;
import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.client.SharedQuota;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.JobLeadership;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobSource;
import io.github.camelnclue.tracking.JobStatusListener;
import io.github.camelnclue.tracking.JobTracker;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs for one NCLUE component, created and started by the component and stopped with it: a Camel-managed,
 * named, bounded worker pool (every request, ledger write, sweep and resumed exchange runs there); one scheduler (it
 * only starts sweeps, grants rate-limiter permits and ends retry backoffs, then hands the work to the pool); the
 * ledger; the pollers; the HTTP clients and the rate limiters. Pollers, clients and limiters are shared by key and
 * counted by the endpoints that use them, as {@code TimerComponent} counts its timers: the last endpoint to stop
 * closes them. Nothing of this lives in statics.
 */
public final class NclueRuntime extends ServiceSupport {

    /** A thread pool profile of this id, if registered in the CamelContext, replaces the worker pool defaults. */
    static final String WORKER_POOL_PROFILE = "nclueWorkerPool";
    static final int DEFAULT_WORKERS = 3;
    /**
     * How long another instance waits for the quota slot of an instance that died with a request in flight. A live
     * holder renews its claim while the request runs (every second), so this bounds a failover, not a request; it is
     * within the usual cluster services' lease times, so a new leader rarely waits for the slot after its election.
     */
    private static final Duration SHARED_QUOTA_LEASE = Duration.ofSeconds(5);
    /**
     * How long a stop waits for released exchanges to run on to their end. Once they are done, the graceful shutdown
     * finds nothing in flight at its first look (it looks again only after a second); a route that takes longer after
     * a released wait is left to the graceful shutdown's own timeout.
     */
    private static final long RELEASE_HAND_BACK_MILLIS = 10_000;
    /** How often the ledger is pruned of jobs older than the retention. */
    private static final Duration RETENTION_PERIOD = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(NclueRuntime.class);

    private record PollerKey(String scope, JobKind kind) {
    }

    private record LimiterKey(String baseUrl, String accessKey) {
    }

    /** One shared thing and who uses it (insertion order: the oldest user comes first). */
    private static final class Shared<V> {
        private final V value;
        private final Map<Object, Object> users = new LinkedHashMap<>();

        Shared(V value) {
            this.value = value;
        }
    }

    private final CamelContext camelContext;
    private final JobLedger ledger;
    private final boolean ownsLedger;
    private final long sweepDelayMillis;
    private final Duration retention;
    private final ObjectMapper mapper;
    private final Map<PollerKey, Shared<JobPoller>> pollers = new ConcurrentHashMap<>();
    private final Map<LimiterKey, Shared<RequestRateLimiter>> limiters = new ConcurrentHashMap<>();
    private final Map<ApiHttpClient.Settings, Shared<ApiHttpClient>> httpClients = new ConcurrentHashMap<>();
    private final Set<RequestRateLimiter> limitersInUse = ConcurrentHashMap.newKeySet();
    private volatile JobStatusListener statusListener = JobStatusListener.NONE;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private JobTracker tracker;
    private ScheduledFuture<?> pruning;
    private JobLeadership leadership;
    private SharedQuota sharedQuota = SharedQuota.LOCAL;

    /**
     * @param ledger     started here, with the runtime
     * @param ownsLedger close the ledger when the runtime stops (the component built it; a bound one is the user's)
     * @param retention  how long terminal jobs that every consumer emitted are kept; zero or less keeps every job
     */
    NclueRuntime(CamelContext camelContext, JobLedger ledger, boolean ownsLedger, long sweepDelayMillis,
                 Duration retention, ObjectMapper mapper) {
        this.camelContext = camelContext;
        this.ledger = ledger;
        this.ownsLedger = ownsLedger;
        this.sweepDelayMillis = sweepDelayMillis;
        this.retention = retention;
        this.mapper = mapper;
    }

    @Override
    protected void doStart() throws Exception {
        ExecutorServiceManager manager = camelContext.getExecutorServiceManager();
        try {
            ledger.start();
        } catch (Exception e) {
            throw new IllegalStateException("The NCLUE job ledger " + ledger + " could not start: " + e.getMessage()
                                            + ". The component records every job it creates there; fix the ledger "
                                            + "(or bind another one) and start again", e);
        }
        tracker = new JobTracker(ledger, mapper);
        sharedQuota = ledger.sharedQuota();
        leadership = new JobLeadership(camelContext);
        leadership.start();
        workers = manager.newThreadPool(this, "NclueWorker", workerProfile(manager));
        ThreadPoolProfile schedulerProfile = new ThreadPoolProfile("NclueScheduler");
        schedulerProfile.setPoolSize(1);
        // no queue limit (Camel reads 0 or less as "no queue"): it holds one sweep per poller, two timers per limiter
        // and the retries in backoff
        schedulerProfile.setMaxQueueSize(Integer.MAX_VALUE);
        schedulerProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        scheduler = manager.newScheduledThreadPool(this, "NclueScheduler", schedulerProfile);
        if (!retention.isZero() && !retention.isNegative()) {
            // at start and every period; the scheduler only times it, the prune (ledger I/O) runs on a worker
            pruning = scheduler.scheduleWithFixedDelay(() -> {
                try {
                    workers.execute(() -> tracker.prune(retention));
                } catch (RejectedExecutionException e) {
                    // stopping
                }
            }, 0, RETENTION_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static ThreadPoolProfile workerProfile(ExecutorServiceManager manager) {
        ThreadPoolProfile custom = manager.getThreadPoolProfile(WORKER_POOL_PROFILE);
        if (custom != null) {
            return custom;
        }
        ThreadPoolProfile profile = new ThreadPoolProfile(WORKER_POOL_PROFILE);
        profile.setPoolSize(DEFAULT_WORKERS);
        profile.setMaxPoolSize(DEFAULT_WORKERS);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        // threads are bounded, the queue is not (Camel reads 0 or less as "no queue", a hand-over that rejects when
        // the threads are busy): tasks are short continuations, and 10,000 waits ending in one sweep queue 10,000
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        // Abort, not Camel's default CallerRuns: a sweep must never run a resumed route itself
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /** Releases every parked wait at once; the jobs stay tracked. Runs before the graceful shutdown waits. */
    void releaseParkedWaits() {
        int parked = parkedWaits();
        if (parked > 0) {
            LOG.info("Releasing {} parked waits for NCLUE jobs: the jobs stay tracked and resume after a restart",
                    parked);
        }
        List<CompletableFuture<Void>> handedBack = new ArrayList<>();
        pollers.values().forEach(shared -> handedBack.add(shared.value.releaseWaits()));
        try {
            CompletableFuture.allOf(handedBack.toArray(CompletableFuture[]::new))
                    .get(RELEASE_HAND_BACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("Released waits still resuming their routes: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (pruning != null) {
            pruning.cancel(false);
            pruning = null;
        }
        pollers.values().forEach(shared -> shared.value.stop());
        pollers.clear();
        if (leadership != null) {
            leadership.stop();
            leadership = null;
        }
        if (workers != null) {
            // released waits resume their exchanges on the pool: let them hand over before it goes
            camelContext.getExecutorServiceManager().shutdownGraceful(workers, 2000);
            workers = null;
        }
        if (scheduler != null) {
            camelContext.getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        httpClients.values().forEach(shared -> shared.value.close());
        httpClients.clear();
        limiters.clear();
        limitersInUse.clear();
        if (tracker != null && ownsLedger) {
            ledger.close();
        }
        tracker = null;
    }

    ExecutorService workers() {
        return workers;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    JobTracker tracker() {
        return tracker;
    }

    /** Told of the status changes every poller records (metrics). */
    void setStatusListener(JobStatusListener listener) {
        this.statusListener = listener != null ? listener : JobStatusListener.NONE;
    }

    /** The poller of an account and kind, for {@code user} until {@link #releasePoller}. */
    JobPoller poller(Object user, String scope, JobKind kind, JobSource source) {
        return pollers.compute(new PollerKey(scope, kind), (key, shared) -> {
            Shared<JobPoller> use = shared != null ? shared : new Shared<>(newPoller(scope, kind, source));
            use.users.put(user, source);
            return use;
        }).value;
    }

    private JobPoller newPoller(String scope, JobKind kind, JobSource source) {
        JobPoller poller = new JobPoller(scope, kind, source, tracker.ledger(), mapper, scheduler, workers,
                sweepDelayMillis);
        JobLeadership leaders = leadership;
        poller.leadWhen(() -> leaders.role(scope, kind));
        poller.onStatusChange((jobKind, id, previous, status, spent) -> statusListener.onStatusChange(jobKind, id,
                previous, status, spent));
        return poller;
    }

    /** {@code user} no longer needs the poller; the last user stops it, another user's source replaces its own. */
    void releasePoller(Object user, String scope, JobKind kind) {
        pollers.computeIfPresent(new PollerKey(scope, kind), (key, shared) -> {
            Object source = shared.users.remove(user);
            if (shared.users.isEmpty()) {
                shared.value.stop();
                return null;
            }
            if (source != null) {
                shared.value.useSource((JobSource) shared.users.values().iterator().next());
            }
            return shared;
        });
    }

    /**
     * The rate limiter of an API base URL and access key, for {@code user} until {@link #releaseRateLimiter}. One key
     * has one quota: when users ask for different rates, the lowest applies.
     */
    RequestRateLimiter rateLimiter(Object user, String baseUrl, String accessKey, double permitsPerSecond,
                                   int queueSize) {
        RequestRateLimiter limiter = limiters.compute(new LimiterKey(baseUrl, accessKey), (key, shared) -> {
            Shared<RequestRateLimiter> use = shared != null ? shared
                    : new Shared<>(new RequestRateLimiter(baseUrl + " (access key " + masked(accessKey) + ")",
                            permitsPerSecond, queueSize, System::nanoTime,
                            (task, delayNanos) -> scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS)));
            if (shared == null) {
                // instances (and a restarted process) sharing the key share its quota through the ledger's store
                use.value.shareThrough(sharedQuota, JobLeadership.accountHash(baseUrl + "|" + accessKey),
                        SHARED_QUOTA_LEASE);
            }
            use.value.limitTo(permitsPerSecond);
            use.users.put(user, Boolean.TRUE);
            return use;
        }).value;
        limitersInUse.add(limiter);
        return limiter;
    }

    void releaseRateLimiter(Object user, String baseUrl, String accessKey) {
        limiters.computeIfPresent(new LimiterKey(baseUrl, accessKey), (key, shared) -> {
            shared.users.remove(user);
            if (shared.users.isEmpty()) {
                limitersInUse.remove(shared.value);
                return null;
            }
            return shared;
        });
    }

    /** The HTTP client of these settings, for {@code user} until {@link #releaseHttpClient}. */
    ApiHttpClient httpClient(Object user, ApiHttpClient.Settings settings) {
        return httpClients.compute(settings, (key, shared) -> {
            Shared<ApiHttpClient> use = shared != null ? shared : new Shared<>(new ApiHttpClient(settings));
            use.users.put(user, Boolean.TRUE);
            return use;
        }).value;
    }

    void releaseHttpClient(Object user, ApiHttpClient.Settings settings) {
        httpClients.computeIfPresent(settings, (key, shared) -> {
            shared.users.remove(user);
            if (shared.users.isEmpty()) {
                shared.value.close();
                return null;
            }
            return shared;
        });
    }

    /** The rate limiters in use now, a live view for metrics. */
    Set<RequestRateLimiter> rateLimiters() {
        return limitersInUse;
    }

    /** Which instance sweeps an account's jobs of a kind (this one, without a cluster service). */
    public JobLeadership leadership() {
        return leadership;
    }

    /** The pollers running now. */
    Collection<JobPoller> pollers() {
        return pollers.values().stream().map(shared -> shared.value).toList();
    }

    /** Exchanges parked now, waiting for a job to end. */
    public int parkedWaits() {
        return pollers.values().stream().mapToInt(shared -> shared.value.waitCount()).sum();
    }

    /** NCLUE requests waiting for the rate limit now. */
    public int queuedRequests() {
        return limitersInUse.stream().mapToInt(RequestRateLimiter::waitingCount).sum();
    }

    /** The error of the last sweep that failed among the pollers, or null when the last sweep of each succeeded. */
    public Throwable lastSweepError() {
        return pollers.values().stream().map(shared -> shared.value.lastError())
                .filter(error -> error != null).findFirst().orElse(null);
    }

    /** An access key as errors show it: enough to tell keys apart, not enough to use one. */
    static String masked(String accessKey) {
        if (accessKey == null || accessKey.length() < 8) {
            return "****";
        }
        return accessKey.substring(0, 4) + "****";
    }

    @Override
    public String toString() {
        return "NclueRuntime[" + camelContext.getName() + "]";
    }
}
