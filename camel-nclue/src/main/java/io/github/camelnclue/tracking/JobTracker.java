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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.NclueJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger (which its owner closes) and one poller per account and kind, shared by every endpoint of a component; and creation that never
 * makes a job twice.
 * <p>
 * A create first looks the name up in the ledger. A recorded job is adopted (a redelivered or replayed exchange). An
 * intent without an id means an earlier attempt may have reached NCLUE before the process or the network failed: the
 * job is looked up by name in the list pages and adopted if it exists. Otherwise the intent is written, durably,
 * before the POST, and a 409 DUPLICATE_NAME for it adopts the job of that name when it was ours (or when the caller
 * adopts foreign jobs too).
 */
public final class JobTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);

    private record PollerKey(String scope, JobKind kind) {
    }

    private final JobLedger ledger;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper mapper;
    private final long sweepDelayMillis;
    private final Map<PollerKey, JobPoller> pollers = new ConcurrentHashMap<>();
    private volatile JobStatusListener statusListener = JobStatusListener.NONE;
    private ScheduledFuture<?> retention;

    public JobTracker(JobLedger ledger, ScheduledExecutorService scheduler, ObjectMapper mapper, long sweepDelayMillis) {
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.mapper = mapper;
        this.sweepDelayMillis = sweepDelayMillis;
    }

    public JobLedger ledger() {
        return ledger;
    }

    /** The poller of this account and kind; the first caller's source is used. */
    public JobPoller poller(String scope, JobKind kind, JobSource source) {
        return pollers.computeIfAbsent(new PollerKey(scope, kind), k -> {
            JobPoller poller = new JobPoller(scope, kind, source, ledger, mapper, scheduler, sweepDelayMillis);
            poller.onStatusChange((jobKind, id, previous, status, spent) -> statusListener.onStatusChange(jobKind, id,
                    previous, status, spent));
            return poller;
        });
    }

    /** Told of the status changes every poller of this tracker records (metrics). */
    /** The pollers started so far, one per account and kind of job. */
    public Collection<JobPoller> pollers() {
        return List.copyOf(pollers.values());
    }

    public void setStatusListener(JobStatusListener statusListener) {
        this.statusListener = statusListener != null ? statusListener : JobStatusListener.NONE;
    }

    /**
     * Creates the job named {@code name} unless it exists, exactly once across retries, redeliveries and restarts.
     *
     * @param post        sends the create
     * @param adoptForeign adopt a job of that name that this component did not create (onDuplicateName=adopt)
     */
    public <J extends NclueJob> CompletableFuture<NclueJob> create(
            String scope, JobKind kind, String name, JobSource source, Supplier<CompletableFuture<J>> post,
            boolean adoptForeign) {
        return create(scope, kind, name, source, post, adoptForeign, () -> {
        });
    }

    /**
     * As {@link #create(String, JobKind, String, JobSource, Supplier, boolean)}; {@code onAdopt} runs before the
     * future completes when the job was adopted rather than created.
     */
    public <J extends NclueJob> CompletableFuture<NclueJob> create(
            String scope, JobKind kind, String name, JobSource source, Supplier<CompletableFuture<J>> post,
            boolean adoptForeign, Runnable onAdopt) {
        Optional<TrackedJob> known = ledger.findByName(scope, kind, name);
        if (known.isPresent() && !known.get().isIntent()) {
            LOG.info("{} '{}' was already created as {}: adopting it instead of creating it again", kind, name,
                    known.get().id());
            return source.get(known.get().id()).thenApply(job -> {
                onAdopt.run();
                return track(scope, kind, job);
            });
        }
        CompletableFuture<Optional<NclueJob>> earlier = known.isPresent()
                ? findByName(source, name, 0) : CompletableFuture.completedFuture(Optional.empty());
        return earlier.thenCompose(found -> {
            if (found.isPresent()) {
                LOG.info("{} '{}' of an interrupted create exists as {}: adopting it", kind, name, found.get().id());
                onAdopt.run();
                return CompletableFuture.completedFuture(track(scope, kind, found.get()));
            }
            ledger.recordIntent(scope, kind, name);
            boolean ours = known.isPresent();
            return send(post).<NclueJob> thenApply(job -> track(scope, kind, job))
                    .exceptionallyCompose(failure -> {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof NclueApiException api && api.isDuplicateName() && (ours || adoptForeign)) {
                            return findByName(source, name, 0).thenApply(existing -> {
                                NclueJob job = existing.orElseThrow(() -> api);
                                onAdopt.run();
                                return track(scope, kind, job);
                            });
                        }
                        // a 4xx reply or a refused request created nothing; after a 5xx or no reply it may exist,
                        // so the intent stays and a retry looks it up by name
                        if (cause instanceof NclueApiException api && api.getHttpResponseCode() < 500
                                || cause instanceof IllegalArgumentException) {
                            ledger.forgetIntent(scope, kind, name);
                        }
                        return CompletableFuture.failedFuture(cause);
                    });
        });
    }

    /**
     * The job a create of {@code name} would adopt without sending anything, read from the ledger only (a dry run): a
     * job this component created or adopted under that name. Empty when the create would be sent (an intent without an
     * id would first look the name up in the list pages, which a dry run does not do).
     */
    public Optional<String> adoptableId(String scope, JobKind kind, String name) {
        return ledger.findByName(scope, kind, name).filter(job -> !job.isIntent()).map(TrackedJob::id);
    }

    private static <J> CompletableFuture<J> send(Supplier<CompletableFuture<J>> post) {
        try {
            return post.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Records a job in the ledger (created, adopted or read) and its current status. */
    public NclueJob track(String scope, JobKind kind, NclueJob job) {
        String json = json(job);
        // a job recorded under another name (an AI app under its submit key) keeps that entry
        if (ledger.findById(scope, kind, job.id()).isEmpty()) {
            ledger.recordJob(scope, kind, job.name(), job.id(), json);
        }
        ledger.recordStatus(scope, kind, job.id(), job.status(), json);
        return job;
    }

    /** Scans list pages newest first for a job named {@code name}. */
    private CompletableFuture<Optional<NclueJob>> findByName(JobSource source, String name, int index) {
        CompletableFuture<JobSource.Page> page = source.list(index, JobPoller.PAGE_SIZE);
        if (page == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return page.thenCompose(p -> {
            for (NclueJob job : p.items()) {
                if (name.equals(job.name())) {
                    return CompletableFuture.completedFuture(Optional.of((NclueJob) job));
                }
            }
            int next = index + p.items().size();
            return next < p.total() && !p.items().isEmpty()
                    ? findByName(source, name, next) : CompletableFuture.completedFuture(Optional.empty());
        });
    }

    private String json(NclueJob job) {
        try {
            return mapper.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Retention: prunes the ledger now and every {@code period} after, forgetting the jobs that ended more than
     * {@code keep} ago and that every consumer emitted (see {@link JobLedger#prune}). A zero or negative {@code keep}
     * keeps every job.
     */
    public synchronized void retain(Duration keep, Duration period) {
        if (retention != null || keep.isZero() || keep.isNegative()) {
            return;
        }
        retention = scheduler.scheduleWithFixedDelay(() -> prune(keep), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prunes what ended more than {@code keep} ago; a failure is logged, and the next period tries again. */
    int prune(Duration keep) {
        try {
            int pruned = ledger.prune(Instant.now().minus(keep));
            if (pruned > 0) {
                LOG.info("Pruned {} jobs that ended more than {} ago from {}", pruned, keep, ledger);
            }
            return pruned;
        } catch (RuntimeException e) {
            LOG.warn("Pruning {} failed: {}", ledger, e.getMessage());
            return 0;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (retention != null) {
                retention.cancel(false);
                retention = null;
            }
        }
        pollers.values().forEach(JobPoller::stop);
        pollers.clear();
    }
}
