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
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.exception.NclueWaitReleasedException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobStatus;
import io.github.camelnclue.model.NclueJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every in-flight job of one kind and account, for all consumers and waits at once. A sweep reads list
 * pages of 100, newest first: from the top for the jobs it never listed, and then the pages where the others were
 * last listed, however deep under newer jobs (so N jobs cost about ceil(N/100) requests, not N), and one more request
 * for a job the pages did not show; kinds that cannot be listed are read by id. Status changes go to the ledger; a
 * job that answers 404 is recorded {@code deleted} and not read again. Sweeps run one at a time, on the worker pool,
 * only while someone is interested; the scheduler only starts them.
 * <p>
 * Waits cost no thread and no timer: the poller keeps their deadlines and checks them each sweep. A wait that ends
 * (the job ended, its deadline passed, or the poller stopped) is completed on the worker pool, never inside a sweep.
 */
public final class JobPoller {

    static final int PAGE_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    /** One parked wait. */
    private record Wait(CompletableFuture<NclueJob> end, long deadlineNanos, Duration timeout) {
    }

    private final String scope;
    private final JobKind kind;
    private final JobLedger ledger;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private final long delayMillis;
    // values are immutable lists, replaced under the map's per-key lock: adding a wait and removing the waits of an
    // ended job are each one map operation, so a wait added while a sweep ends its job is never lost
    private final Map<String, List<Wait>> waiters = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> holders = new ConcurrentHashMap<>();
    private final List<JobStatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger stragglerCursor = new AtomicInteger();
    /** Where each job in flight was last listed, as the number of jobs at or below it: see {@link #readPlaced}. */
    private final Map<String, Integer> depths = new ConcurrentHashMap<>();
    private volatile JobSource source;
    private volatile int lastSweepRequests;
    /** The next page {@link #readStragglers} reads to place jobs never listed, and whether it is its turn. */
    private int discoveryIndex;
    private boolean discoveryTurn;
    /** A watchAll sweep read every list page once: every job of the account was recorded since this poller started. */
    private volatile boolean listedAll;
    private volatile Throwable lastError;
    private final JobLead lead;
    private boolean scheduled;
    private boolean stopped;

    public JobPoller(String scope, JobKind kind, JobSource source, JobLedger ledger, ObjectMapper mapper,
                     ScheduledExecutorService scheduler, Executor workers, long delayMillis) {
        this.scope = scope;
        this.kind = kind;
        this.source = source;
        this.ledger = ledger;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.workers = workers;
        this.delayMillis = delayMillis;
        this.lead = new JobLead(ledger, JobLeadership.namespace(scope, kind), kind + " of " + scopeForLog());
    }

    public String scope() {
        return scope;
    }

    public JobKind kind() {
        return kind;
    }

    /** Reads jobs from {@code source} from the next request on (its endpoint stopped, or a benchmark wraps it). */
    public void useSource(JobSource source) {
        this.source = source;
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

    /** Called for each status change this poller records, with the time the job spent in its previous status. */
    public void onStatusChange(JobStatusListener listener) {
        statusListeners.add(listener);
    }

    /**
     * A future completed with the job's record once it ended, or failed with {@link NclueWaitTimeoutException} after
     * {@code timeout}, or with {@link NclueWaitReleasedException} when the poller stops first. No thread waits and no
     * timer is scheduled: the sweeps complete it, on the worker pool.
     */
    public CompletableFuture<NclueJob> awaitEnd(String id, Duration timeout) {
        Optional<TrackedJob> tracked = ledger.findById(scope, kind, id);
        if (tracked.isPresent() && JobStatus.DELETED.equals(tracked.get().lastStatus())) {
            return CompletableFuture.failedFuture(new NclueJobFailedException(kind.uriName(), id, JobStatus.DELETED,
                    "the job no longer exists in NCLUE"));
        }
        if (tracked.isPresent() && tracked.get().terminal() && tracked.get().recordJson() != null) {
            return CompletableFuture.completedFuture(parse(tracked.get().recordJson()));
        }
        Wait wait = new Wait(new CompletableFuture<>(), System.nanoTime() + timeout.toNanos(), timeout);
        waiters.compute(id, (key, list) -> with(list, wait));
        // a caller that gives up (cancel) leaves; the sweep that ends the job removed the whole list already
        wait.end().whenComplete((job, failure) -> remove(id, wait));
        if (isStopped()) {
            // stopped between the check and the add: release() may have missed this wait
            releaseWaits();
        } else {
            ensureScheduled();
        }
        return wait.end();
    }

    private static List<Wait> with(List<Wait> list, Wait wait) {
        List<Wait> added = new ArrayList<>(list != null ? list : List.of());
        added.add(wait);
        return List.copyOf(added);
    }

    private void remove(String id, Wait wait) {
        waiters.computeIfPresent(id, (key, list) -> {
            if (!list.contains(wait)) {
                return list;
            }
            List<Wait> rest = new ArrayList<>(list);
            rest.remove(wait);
            return rest.isEmpty() ? null : List.copyOf(rest);
        });
    }

    /** Waits parked now. */
    public int waitCount() {
        int count = 0;
        for (List<Wait> list : waiters.values()) {
            count += list.size();
        }
        return count;
    }

    /** The error of the last sweep, or null if it succeeded. */
    public Throwable lastError() {
        return lastError;
    }

    /** API requests the last sweep sent. */
    public int lastSweepRequests() {
        return lastSweepRequests;
    }

    /** Stops sweeping and releases every parked wait at once with {@link NclueWaitReleasedException}. */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        releaseWaits();
    }

    /**
     * Releases every parked wait with {@link NclueWaitReleasedException}, on the worker pool; the jobs stay tracked.
     * Called when the CamelContext starts to stop, so the graceful shutdown does not wait for jobs that run for hours.
     *
     * @return completed once the released exchanges were handed back (their routes ran on from the wait)
     */
    public CompletableFuture<Void> releaseWaits() {
        List<CompletableFuture<Void>> handedBack = new ArrayList<>();
        for (String id : new ArrayList<>(waiters.keySet())) {
            List<Wait> released = waiters.remove(id);
            if (released != null) {
                handedBack.add(handOff(() -> {
                    String lastStatus = lastStatus(id);
                    released.forEach(w -> w.end().completeExceptionally(
                            new NclueWaitReleasedException(kind.uriName(), id, lastStatus, "the component")));
                }));
            }
        }
        return CompletableFuture.allOf(handedBack.toArray(CompletableFuture[]::new));
    }

    /**
     * Releases one wait {@link #awaitEnd} returned with {@link NclueWaitReleasedException}, on the worker pool: the
     * route of its exchange is stopping. The job stays tracked.
     */
    public void release(String id, CompletableFuture<NclueJob> wait, String stopping) {
        handOff(() -> wait.completeExceptionally(
                new NclueWaitReleasedException(kind.uriName(), id, lastStatus(id), stopping)));
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void ensureScheduled() {
        if (!scheduled && !stopped && (!waiters.isEmpty() || !holders.isEmpty())) {
            scheduled = true;
            try {
                // the scheduler only starts the sweep: its ledger reads and requests run on the worker pool
                scheduler.schedule(this::startSweep, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled = false;
            }
        }
    }

    private void startSweep() {
        try {
            workers.execute(this::runSweep);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                scheduled = false;
            }
        }
    }

    private void runSweep() {
        CompletableFuture<Void> sweep;
        try {
            expireWaits();
            sweep = sweep();
        } catch (RuntimeException e) {
            sweep = CompletableFuture.failedFuture(e);
        }
        sweep.whenComplete((ignored, failure) -> {
            // unwrapped, so the consumer health check sees the NclueApiException and its HTTP status; a lead taken
            // over is no fault (deposed() logged it)
            Throwable error = unwrap(failure);
            lastError = error instanceof NclueLeadershipLostException ? null : error;
            if (lastError != null && !isStopped()) {
                LOG.warn("Polling {} of {} failed: {}", kind, scopeForLog(), lastError.getMessage());
            }
            synchronized (this) {
                scheduled = false;
            }
            ensureScheduled();
        });
    }

    /** Fails the waits whose deadline passed: one pass over the parked waits per sweep, no timer per wait. */
    private void expireWaits() {
        long now = System.nanoTime();
        waiters.forEach((id, list) -> {
            for (Wait wait : list) {
                if (now - wait.deadlineNanos() >= 0) {
                    remove(id, wait);
                    handOff(() -> wait.end().completeExceptionally(
                            new NclueWaitTimeoutException(kind.uriName(), id, lastStatus(id), wait.timeout())));
                }
            }
        });
    }

    /**
     * Decides whether this instance sweeps the API: with a cluster service, only the leader of the account and kind
     * does (see {@link JobLeadership}); the default watches alone.
     */
    public void leadWhen(Supplier<JobLeadership.Role> role) {
        lead.follow(role);
    }

    /** Whether this instance sweeps the API and emits changes for the account and kind (it leads them). */
    public boolean leads() {
        return lead().isPresent();
    }

    /**
     * The lease this instance leads under: {@link LeaderLease#ALONE} without a cluster service; once elected, a lease
     * taken from the ledger, so that what it writes is refused once another instance took over. Empty for a follower.
     */
    public Optional<LeaderLease> lead() {
        return lead.current();
    }

    /** Another instance took the lead from {@code lost}: stop leading under it. */
    public void deposed(LeaderLease lost) {
        lead.deposed(lost);
    }

    /** One sweep over every in-flight job (and, when a holder watches all, every listed job). */
    public CompletableFuture<Void> sweep() {
        LeaderLease lease = lead().orElse(null);
        if (lease == null) {
            return followLedger();
        }
        if (lease.fenced() && !ledger.holdsLead(lease)) {
            deposed(lease);
            return followLedger();
        }
        boolean watchAll = holders.containsValue(Boolean.TRUE);
        Set<String> inFlight = new HashSet<>();
        for (TrackedJob job : ledger.inFlight(scope, kind)) {
            inFlight.add(job.id());
        }
        inFlight.addAll(waiters.keySet());
        depths.keySet().retainAll(inFlight);
        if (inFlight.isEmpty() && !watchAll) {
            return CompletableFuture.completedFuture(null);
        }
        long before = requests.get();
        LOG.debug("Sweeping {} {} in flight{}", inFlight.size(), kind, watchAll ? " and every listed job" : "");
        Sweep sweep = new Sweep(lease, inFlight, watchAll);
        JobSource from = source;
        return scan(from, sweep, 0)
                .thenCompose(listable -> listable ? readPlaced(from, sweep) : CompletableFuture.completedFuture(false))
                .thenCompose(listable -> readStragglers(from, sweep, listable))
                .whenComplete((ignored, failure) -> {
                    if (unwrap(failure) instanceof NclueLeadershipLostException) {
                        deposed(lease);
                    }
                    lastSweepRequests = (int) (requests.get() - before);
                    LOG.debug("Swept {} with {} requests", kind, lastSweepRequests);
                });
    }

    /** What one sweep has seen and has left to find. */
    private final class Sweep {
        final LeaderLease lease;
        /** The jobs in flight not seen yet. */
        final Set<String> remaining;
        /** Those of them never listed (just created, or not met since this poller started): found from the top. */
        final Set<String> unplaced = new HashSet<>();
        final boolean watchAll;
        int pagesLeft;
        /** A job the ledger knew was terminal was met (watchAll). */
        boolean metTerminal;
        /** The list's size in the last page read, and where the pages read from the top end. */
        int total;
        int topRead;

        Sweep(LeaderLease lease, Set<String> inFlight, boolean watchAll) {
            this.lease = lease;
            this.remaining = inFlight;
            this.watchAll = watchAll;
            for (String id : inFlight) {
                if (!depths.containsKey(id)) {
                    unplaced.add(id);
                }
            }
            this.pagesLeft = (unplaced.size() + PAGE_SIZE - 1) / PAGE_SIZE + 1;
        }

        /** Sees the jobs of a page that starts at {@code index}. */
        void read(int index, JobSource.Page page) {
            total = page.total();
            int position = index;
            for (NclueJob job : page.items()) {
                boolean tracked = remaining.remove(job.id());
                unplaced.remove(job.id());
                if (!tracked && watchAll) {
                    Optional<TrackedJob> known = ledger.findById(scope, kind, job.id());
                    if (known.isEmpty()) {
                        ledger.recordJob(scope, kind, job.name(), job.id(), null);
                    } else if (known.get().terminal() && listedAll) {
                        metTerminal = true;
                    }
                    tracked = true;
                }
                if (tracked) {
                    depths.put(job.id(), total - position);
                    observe(job, lease);
                }
                position++;
            }
        }
    }

    /**
     * Reads list pages from the top, from {@code index}: page 0 always (it holds the newest jobs and the list's size),
     * then on until every job never listed before was seen or the budget is spent. With watchAll the first sweep reads
     * every page; later ones read on until they meet a job the ledger knows is terminal (and the rest of the rule
     * holds): the jobs listed below it (older, newest first) were recorded by an earlier sweep, so a sweep costs the new
     * jobs and those in flight, not the account's history.
     *
     * @return false if the kind cannot be listed
     */
    private CompletableFuture<Boolean> scan(JobSource from, Sweep sweep, int index) {
        boolean wanted = index == 0 && !sweep.remaining.isEmpty()
                         || !sweep.unplaced.isEmpty() && sweep.pagesLeft > 0
                         || sweep.watchAll && !sweep.metTerminal;
        if (!wanted) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<JobSource.Page> page = from.list(index, PAGE_SIZE);
        if (page == null) {
            return CompletableFuture.completedFuture(false);
        }
        requests.incrementAndGet();
        return page.thenCompose(p -> {
            sweep.read(index, p);
            sweep.pagesLeft--;
            sweep.topRead = index + p.items().size();
            boolean more = sweep.topRead < p.total() && !p.items().isEmpty();
            if (!more) {
                listedAll |= sweep.watchAll;
                return CompletableFuture.completedFuture(true);
            }
            return scan(from, sweep, sweep.topRead);
        });
    }

    /**
     * Reads the pages where the jobs in flight listed before are now. A job's depth (the jobs at or below it, older) is
     * kept as new jobs are added above it, so its index is the list's size less its depth; deleting an older job moves
     * it up by one, and the one page read for it may then miss it, which the stragglers make up for. Jobs created
     * together share their pages: a batch of N costs about N/100 pages wherever it lies in a long history.
     */
    private CompletableFuture<Boolean> readPlaced(JobSource from, Sweep sweep) {
        SortedSet<Integer> pages = new TreeSet<>();
        for (String id : sweep.remaining) {
            Integer depth = depths.get(id);
            if (depth != null) {
                int index = Math.max(0, sweep.total - depth) / PAGE_SIZE * PAGE_SIZE;
                if (index >= sweep.topRead) {
                    pages.add(index);
                }
            }
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (int index : pages) {
            all = all.thenCompose(ignored -> {
                if (sweep.remaining.isEmpty()) {
                    return CompletableFuture.completedFuture(null);
                }
                requests.incrementAndGet();
                return from.list(index, PAGE_SIZE).thenAccept(p -> sweep.read(index, p));
            });
        }
        return all.thenApply(ignored -> true);
    }

    /**
     * The jobs the pages did not show: one request per sweep, in turn. When some were never listed (after a restart,
     * under newer jobs), every other sweep reads the next page below those read instead, until each was placed; the
     * others read one job by id (which also finds a job deleted outside the component).
     */
    private CompletableFuture<Void> readStragglers(JobSource from, Sweep sweep, boolean listable) {
        if (sweep.remaining.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (listable && !sweep.unplaced.isEmpty() && (discoveryTurn = !discoveryTurn)) {
            int index = discoveryIndex >= sweep.topRead && discoveryIndex < sweep.total ? discoveryIndex : sweep.topRead;
            discoveryIndex = index + PAGE_SIZE;
            requests.incrementAndGet();
            return from.list(index, PAGE_SIZE).thenAccept(p -> sweep.read(index, p));
        }
        List<String> ids = new ArrayList<>(sweep.remaining);
        if (listable) {
            ids = List.of(ids.get(Math.floorMod(stragglerCursor.getAndIncrement(), ids.size())));
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (String id : ids) {
            all = all.thenCompose(ignored -> {
                requests.incrementAndGet();
                return from.get(id).<Void> handle((job, failure) -> {
                    if (failure == null) {
                        observe(job, sweep.lease);
                    } else if (isNotFound(unwrap(failure))) {
                        gone(id, sweep.lease);
                    } else {
                        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                    }
                    return null;
                });
            });
        }
        return all;
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof NclueApiException api && api.getHttpResponseCode() == 404;
    }

    /** The job no longer exists in NCLUE (deleted outside the component): a terminal change, never read again. */
    private void gone(String id, LeaderLease lease) {
        LOG.info("{} {} no longer exists in NCLUE: recorded as {}", kind, id, JobStatus.DELETED);
        if (ledger.recordStatus(lease, scope, kind, id, JobStatus.DELETED, null)) {
            notifyStatusChange(id);
        }
        List<Wait> ended = waiters.remove(id);
        if (ended != null) {
            handOff(() -> ended.forEach(w -> w.end().completeExceptionally(new NclueJobFailedException(
                    kind.uriName(), id, JobStatus.DELETED, "the job no longer exists in NCLUE"))));
        }
    }

    /**
     * Not the leader: another instance sweeps the API and records what it sees in the shared ledger, so the waits
     * parked here end from the ledger (one read for all of them, no API request).
     */
    private CompletableFuture<Void> followLedger() {
        lastSweepRequests = 0;
        if (waiters.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        for (TrackedJob job : ledger.ended(scope, kind, List.copyOf(waiters.keySet()))) {
            if (job.recordJson() != null) {
                NclueJob record = parse(job.recordJson());
                List<Wait> ended = waiters.remove(job.id());
                if (ended != null) {
                    handOff(() -> ended.forEach(w -> w.end().complete(record)));
                }
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void observe(NclueJob job, LeaderLease lease) {
        boolean changed = ledger.recordStatus(lease, scope, kind, job.id(), job.status(), json(job));
        if (changed) {
            LOG.debug("{} {} is now {}", kind, job.id(), job.status());
            notifyStatusChange(job.id());
        }
        if (job.terminal()) {
            List<Wait> ended = waiters.remove(job.id());
            if (ended != null) {
                handOff(() -> ended.forEach(w -> w.end().complete(job)));
            }
        }
    }

    /**
     * Runs what a finished wait resumes (the rest of a route) on the worker pool, outside the sweep; inline only when
     * the pool is gone (the component stopped), as nothing else could run it then.
     */
    private CompletableFuture<Void> handOff(Runnable completion) {
        try {
            return CompletableFuture.runAsync(completion, workers);
        } catch (RejectedExecutionException e) {
            completion.run();
            return CompletableFuture.completedFuture(null);
        }
    }

    private String lastStatus(String id) {
        try {
            return ledger.findById(scope, kind, id).map(TrackedJob::lastStatus).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
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

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private String scopeForLog() {
        return AccountScope.api(scope);
    }
}
