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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobStatus;
import io.github.camelnclue.model.NclueJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creation that never makes a job twice, over the ledger (which its owner starts and closes).
 * <p>
 * A create first looks the name up in the ledger. A recorded job is adopted (a redelivered or replayed exchange),
 * unless it was deleted or answers 404: then the name is free again and the create goes ahead. An intent without an
 * id means an earlier attempt may have reached NCLUE before the process or the network failed: the job is looked up
 * by name in the list pages and adopted if it exists. Otherwise the intent is written, durably, before the POST, and a
 * 409 DUPLICATE_NAME for it adopts the job of that name when it was ours (or when the caller adopts foreign jobs too).
 * The caller validates the request before calling {@link #create}: nothing is written for a request that is invalid.
 */
public final class JobTracker {

    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);

    private final JobLedger ledger;
    private final ObjectMapper mapper;

    public JobTracker(JobLedger ledger, ObjectMapper mapper) {
        this.ledger = ledger;
        this.mapper = mapper;
    }

    public JobLedger ledger() {
        return ledger;
    }

    /**
     * Creates the job named {@code name} unless it exists, exactly once across retries, redeliveries and restarts.
     *
     * @param post         sends the create
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
            String id = known.get().id();
            if (JobStatus.DELETED.equals(known.get().lastStatus())) {
                LOG.info("{} '{}' was {} ({}): the name is free, creating it again", kind, name, JobStatus.DELETED, id);
                ledger.forget(scope, kind, id);
                return createNew(scope, kind, name, source, post, adoptForeign, false, onAdopt);
            }
            LOG.info("{} '{}' was already created as {}: adopting it instead of creating it again", kind, name, id);
            return source.get(id).<NclueJob> thenApply(job -> {
                onAdopt.run();
                return track(scope, kind, name, job);
            })
                    .exceptionallyCompose(failure -> {
                        if (isNotFound(unwrap(failure))) {
                            LOG.info("{} '{}' was created as {}, which no longer exists: creating it again", kind,
                                    name, id);
                            ledger.forget(scope, kind, id);
                            return createNew(scope, kind, name, source, post, adoptForeign, false, onAdopt);
                        }
                        return CompletableFuture.failedFuture(unwrap(failure));
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
            return createNew(scope, kind, name, source, post, adoptForeign, known.isPresent(), onAdopt);
        });
    }

    /**
     * Writes the intent and sends the create.
     *
     * @param earlier an intent of this name was recorded before: a job of that name is one an earlier attempt created
     */
    private <J extends NclueJob> CompletableFuture<NclueJob> createNew(
            String scope, JobKind kind, String name, JobSource source, Supplier<CompletableFuture<J>> post,
            boolean adoptForeign, boolean earlier, Runnable onAdopt) {
        // recorded first by another exchange or instance of this application: a job of that name is ours too
        boolean ours = !ledger.recordIntent(scope, kind, name) || earlier;
        return send(post).<NclueJob> thenApply(job -> track(scope, kind, name, job))
                .exceptionallyCompose(failure -> {
                    Throwable cause = unwrap(failure);
                    Optional<TrackedJob> recorded = cause instanceof NclueApiException api && api.isDuplicateName()
                            ? ledger.findByName(scope, kind, name).filter(job -> !job.isIntent()) : Optional.empty();
                    if (recorded.isPresent()) {
                        // another instance on this ledger created it meanwhile: the application's job
                        LOG.info("{} '{}' was created meanwhile as {} by another instance: adopting it", kind, name,
                                recorded.get().id());
                        return source.get(recorded.get().id()).thenApply(job -> {
                            onAdopt.run();
                            return track(scope, kind, name, job);
                        });
                    }
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
    }

    /**
     * The job a create of {@code name} would adopt without sending anything, read from the ledger only (a dry run): a
     * job this component created or adopted under that name. Empty when the create would be sent (an intent without an
     * id would first look the name up in the list pages, which a dry run does not do; a deleted job frees its name).
     */
    public Optional<String> adoptableId(String scope, JobKind kind, String name) {
        return ledger.findByName(scope, kind, name)
                .filter(job -> !job.isIntent() && !JobStatus.DELETED.equals(job.lastStatus()))
                .map(TrackedJob::id);
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
        // a reply without a name (some read replies omit it) is recorded under its id, which no create can ask for
        return track(scope, kind, job.name() != null ? job.name() : job.id(), job);
    }

    /** Records a job created under {@code name}: the name asked for, whether the reply repeats it or not. */
    private NclueJob track(String scope, JobKind kind, String name, NclueJob job) {
        String json = json(job);
        // a job recorded under another name (an AI app under its submit key) keeps that entry
        if (ledger.findById(scope, kind, job.id()).isEmpty()) {
            ledger.recordJob(scope, kind, job.name() != null ? job.name() : name, job.id(), json);
        }
        ledger.recordStatus(scope, kind, job.id(), job.status(), json);
        return job;
    }

    /**
     * Records that the job {@code id} was deleted through the component: a terminal {@code deleted} change that
     * consumers see, and the name is free for the next create. Nothing happens for a job the ledger does not know.
     */
    public void deleted(String scope, JobKind kind, String id) {
        ledger.recordStatus(scope, kind, id, JobStatus.DELETED, null);
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

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof NclueApiException api && api.getHttpResponseCode() == 404;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private String json(NclueJob job) {
        try {
            return mapper.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Retention: forgets the jobs that ended more than {@code keep} ago and that every consumer emitted (see
     * {@link JobLedger#prune}). A failure is logged, and the next period tries again.
     */
    public int prune(Duration keep) {
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
}
