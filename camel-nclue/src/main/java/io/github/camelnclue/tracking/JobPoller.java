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
package io.github.camelnclue.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.NclueJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every in-flight job of one kind and account, for all consumers and waits at once. A sweep reads list
 * pages of 100, newest first, until every tracked job was seen (so N jobs cost about ceil(N/100) requests, not N) and
 * reads at most one straggler by id; kinds that cannot be listed are read by id. Status changes go to the ledger,
 * ended jobs complete their waits. Sweeps run one at a time on a shared scheduler, only while someone is interested.
 */
public final class JobPoller {

    static final int PAGE_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final String scope;
    private final JobKind kind;
    private final JobSource source;
    private final JobLedger ledger;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final long delayMillis;
    private final Map<String, List<CompletableFuture<NclueJob>>> waiters = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> holders = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<JobStatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger stragglerCursor = new AtomicInteger();
    private volatile int lastSweepRequests;
    /** A watchAll sweep read every list page once: every job of the account was recorded since this poller started. */
    private volatile boolean listedAll;
    private volatile Throwable lastError;
    private boolean scheduled;
    private boolean stopped;

    public JobPoller(String scope, JobKind kind, JobSource source, JobLedger ledger, ObjectMapper mapper,
                     ScheduledExecutorService scheduler, long delayMillis) {
        this.scope = scope;
        this.kind = kind;
        this.source = source;
        this.ledger = ledger;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.delayMillis = delayMillis;
    }

    public String scope() {
        return scope;
    }

    public JobKind kind() {
        return kind;
    }

    /**
     * Keeps the poller sweeping on behalf of {@code holder} (a consumer) until {@link #release}d.
     *
     * @param watchAll also track every job of the account found in list pages, not only the jobs the component created
     */
    public void hold(Object holder, boolean watchAll) {
        holders.put(holder, watchAll);
        ensureScheduled();
    }

    public void release(Object holder) {
        holders.remove(holder);
    }

    /** Called after each sweep that recorded a status change. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeOnChange(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** Called for each status change this poller records, with the time the job spent in its previous status. */
    public void onStatusChange(JobStatusListener listener) {
        statusListeners.add(listener);
    }

    /**
     * A future completed with the job's record once it ended, or failed with {@link NclueWaitTimeoutException} after
     * {@code timeout}. No thread waits: the next sweep that sees the end completes it.
     */
    public CompletableFuture<NclueJob> awaitEnd(String id, Duration timeout) {
        Optional<TrackedJob> tracked = ledger.findById(scope, kind, id);
        if (tracked.isPresent() && tracked.get().terminal() && tracked.get().recordJson() != null) {
            return CompletableFuture.completedFuture(parse(tracked.get().recordJson()));
        }
        CompletableFuture<NclueJob> end = new CompletableFuture<>();
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(end);
        ScheduledFuture<?> timer = scheduler.schedule(() -> end.completeExceptionally(new NclueWaitTimeoutException(
                kind.uriName(), id, ledger.findById(scope, kind, id).map(TrackedJob::lastStatus).orElse(null), timeout)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        end.whenComplete((job, failure) -> {
            timer.cancel(false);
            List<CompletableFuture<NclueJob>> forJob = waiters.get(id);
            if (forJob != null) {
                forJob.remove(end);
                waiters.computeIfPresent(id, (k, v) -> v.isEmpty() ? null : v);
            }
        });
        ensureScheduled();
        return end;
    }

    /** Waits in flight now. */
    public int waitCount() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    /** The error of the last sweep, or null if it succeeded. */
    public Throwable lastError() {
        return lastError;
    }

    /** API requests the last sweep sent. */
    public int lastSweepRequests() {
        return lastSweepRequests;
    }

    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        waiters.values().forEach(list -> list.forEach(f -> f.cancel(false)));
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void ensureScheduled() {
        if (!scheduled && !stopped && (!waiters.isEmpty() || !holders.isEmpty())) {
            scheduled = true;
            scheduler.schedule(this::runSweep, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void runSweep() {
        CompletableFuture<Void> sweep;
        try {
            sweep = sweep();
        } catch (RuntimeException e) {
            sweep = CompletableFuture.failedFuture(e);
        }
        sweep.whenComplete((ignored, failure) -> {
            // unwrapped, so the consumer health check sees the NclueApiException and its HTTP status
            lastError = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (failure != null && !isStopped()) {
                LOG.warn("Polling {} of {} failed: {}", kind, scopeForLog(), failure.getMessage());
            }
            synchronized (this) {
                scheduled = false;
            }
            ensureScheduled();
        });
    }

    /** One sweep over every in-flight job (and, when a holder watches all, every listed job). */
    public CompletableFuture<Void> sweep() {
        boolean watchAll = holders.containsValue(Boolean.TRUE);
        Set<String> inFlight = new HashSet<>();
        for (TrackedJob job : ledger.inFlight(scope, kind)) {
            inFlight.add(job.id());
        }
        inFlight.addAll(waiters.keySet());
        if (inFlight.isEmpty() && !watchAll) {
            return CompletableFuture.completedFuture(null);
        }
        long before = requests.get();
        LOG.debug("Sweeping {} {} in flight{}", inFlight.size(), kind, watchAll ? " and every listed job" : "");
        int pageBudget = (inFlight.size() + PAGE_SIZE - 1) / PAGE_SIZE + 1;
        return scan(0, inFlight, pageBudget, watchAll, new boolean[2])
                .thenCompose(listable -> readStragglers(inFlight, listable))
                .whenComplete((ignored, failure) -> {
                    lastSweepRequests = (int) (requests.get() - before);
                    LOG.debug("Swept {} with {} requests", kind, lastSweepRequests);
                });
    }

    /**
     * Reads list pages from {@code index}. Without watchAll it stops once every job in flight was seen or the budget
     * is spent. With watchAll the first sweep reads every page; later ones read on until they meet a job the ledger
     * knows is terminal and every job in flight was seen (or the budget is spent): the jobs listed below it (older,
     * newest first) were recorded by an earlier sweep, so a sweep costs the new jobs and those in flight, not the
     * account's history.
     *
     * @param flags [0]: a status changed, [1]: a job the ledger knew was terminal was met
     */
    private CompletableFuture<Boolean> scan(
            int index, Set<String> remaining, int pagesLeft, boolean watchAll, boolean[] flags) {
        boolean wanted = !remaining.isEmpty() && pagesLeft > 0 || watchAll && !flags[1];
        if (!wanted) {
            notifyIfChanged(flags[0]);
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<JobSource.Page> page = source.list(index, PAGE_SIZE);
        if (page == null) {
            return CompletableFuture.completedFuture(false);
        }
        requests.incrementAndGet();
        return page.thenCompose(p -> {
            for (NclueJob job : p.items()) {
                boolean tracked = remaining.remove(job.id());
                if (!tracked && watchAll) {
                    Optional<TrackedJob> known = ledger.findById(scope, kind, job.id());
                    if (known.isEmpty()) {
                        ledger.recordJob(scope, kind, job.name(), job.id(), null);
                    } else if (known.get().terminal() && listedAll) {
                        flags[1] = true;
                    }
                    tracked = true;
                }
                if (tracked) {
                    flags[0] |= observe(job);
                }
            }
            boolean more = index + p.items().size() < p.total() && !p.items().isEmpty();
            if (!more) {
                listedAll |= watchAll;
                notifyIfChanged(flags[0]);
                return CompletableFuture.completedFuture(true);
            }
            return scan(index + p.items().size(), remaining, pagesLeft - 1, watchAll, flags);
        });
    }

    private CompletableFuture<Void> readStragglers(Set<String> remaining, boolean listable) {
        if (remaining.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> ids = new ArrayList<>(remaining);
        if (listable) {
            // jobs beyond the pages read: one by id per sweep, in turn, keeps a sweep within ceil(N/100) + 2 requests
            ids = List.of(ids.get(Math.floorMod(stragglerCursor.getAndIncrement(), ids.size())));
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        boolean[] changed = new boolean[1];
        for (String id : ids) {
            all = all.thenCompose(ignored -> {
                requests.incrementAndGet();
                return source.get(id).thenAccept(job -> changed[0] |= observe(job));
            });
        }
        return all.whenComplete((ignored, failure) -> notifyIfChanged(changed[0]));
    }

    private boolean observe(NclueJob job) {
        boolean changed = ledger.recordStatus(scope, kind, job.id(), job.status(), json(job));
        if (changed) {
            LOG.debug("{} {} is now {}", kind, job.id(), job.status());
            notifyStatusChange(job.id());
        }
        if (job.terminal()) {
            List<CompletableFuture<NclueJob>> ended = waiters.remove(job.id());
            if (ended != null) {
                ended.forEach(f -> f.complete(job));
            }
        }
        return changed;
    }

    private void notifyStatusChange(String id) {
        if (statusListeners.isEmpty()) {
            return;
        }
        List<StatusObservation> statuses = ledger.findById(scope, kind, id).map(TrackedJob::statuses).orElse(List.of());
        if (statuses.isEmpty()) {
            return;
        }
        StatusObservation now = statuses.get(statuses.size() - 1);
        StatusObservation before = statuses.size() > 1 ? statuses.get(statuses.size() - 2) : null;
        Duration spent = before != null ? Duration.between(before.observedAt(), now.observedAt()) : null;
        for (JobStatusListener listener : statusListeners) {
            try {
                listener.onStatusChange(kind, id, before != null ? before.status() : null, now.status(), spent);
            } catch (RuntimeException e) {
                LOG.debug("A status listener failed on {} {}: {}", kind, id, e.getMessage());
            }
        }
    }

    private void notifyIfChanged(boolean changed) {
        if (changed) {
            changeListeners.forEach(Runnable::run);
        }
    }

    public NclueJob parse(String json) {
        try {
            return mapper.readValue(json, kind.recordType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + kind + " record in the ledger: " + e.getOriginalMessage(), e);
        }
    }

    private String json(NclueJob job) {
        try {
            return mapper.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String scopeForLog() {
        return scope.substring(0, scope.indexOf('|') < 0 ? scope.length() : scope.indexOf('|'));
    }
}
