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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelnclue.model.JobKind;

/**
 * A ledger in memory: nothing survives a restart. The state and rules that the durable ledgers persist.
 * <p>
 * Indexed so that the calls made on every sweep and poll cost what is in flight or pending, not the history: jobs by
 * name and by id, the ids in flight, and per known consumer the ids it has changes pending for.
 */
public class InMemoryJobLedger implements JobLedger {

    private record ScopeKind(String scope, JobKind kind) {
    }

    /** What one consumer of a kind emitted, and which jobs it has changes pending for. */
    private static final class ConsumerState {
        final Map<String, Integer> emitted = new HashMap<>();
        final Set<String> pending = new LinkedHashSet<>();
    }

    /** The jobs of one kind in one scope. */
    private static final class Jobs {
        final Map<String, TrackedJob> byName = new LinkedHashMap<>();
        final Map<String, String> nameById = new HashMap<>();
        final Set<String> inFlight = new LinkedHashSet<>();
        final Map<String, ConsumerState> consumers = new LinkedHashMap<>();

        TrackedJob byId(String id) {
            String name = nameById.get(id);
            return name == null ? null : byName.get(name);
        }
    }

    private final Map<ScopeKind, Jobs> state = new LinkedHashMap<>();
    private final Clock clock;
    /** The epoch of the latest lease of each namespace: one process holds this ledger, so its leases live here. */
    private final Map<String, Long> leads = new HashMap<>();
    private int size;

    public InMemoryJobLedger() {
        this(Clock.systemUTC());
    }

    protected InMemoryJobLedger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void start() throws Exception {
        // nothing to load
    }

    @Override
    public synchronized boolean recordIntent(String scope, JobKind kind, String name) {
        Jobs jobs = jobs(scope, kind, true);
        if (jobs.byName.containsKey(name)) {
            return false;
        }
        jobs.byName.put(name, new TrackedJob(scope, kind, name, null, List.of(), null, clock.instant()));
        size++;
        return true;
    }

    @Override
    public synchronized void forgetIntent(String scope, JobKind kind, String name) {
        Jobs jobs = jobs(scope, kind, false);
        if (jobs != null && jobs.byName.get(name) != null && jobs.byName.get(name).isIntent()) {
            jobs.byName.remove(name);
            size--;
        }
    }

    @Override
    public synchronized void recordJob(String scope, JobKind kind, String name, String id, String recordJson) {
        Jobs jobs = jobs(scope, kind, true);
        TrackedJob existing = jobs.byName.get(name);
        if (existing != null && existing.id() != null) {
            return;
        }
        Instant createdAt = existing != null ? existing.createdAt() : clock.instant();
        jobs.byName.put(name, new TrackedJob(scope, kind, name, id, List.of(), recordJson, createdAt));
        jobs.nameById.put(id, name);
        jobs.inFlight.add(id);
        if (existing == null) {
            size++;
        }
    }

    @Override
    public synchronized boolean recordStatus(
            String scope, JobKind kind, String id, String status, String recordJson) {
        Jobs jobs = jobs(scope, kind, false);
        TrackedJob job = jobs == null ? null : jobs.byId(id);
        if (job == null || job.terminal() && (status == null || !TrackedJob.isTerminal(kind, status))) {
            // a job that ended takes only terminal statuses: a reply read before it ended must not bring it back
            return false;
        }
        boolean changed = status != null && !status.equals(job.lastStatus());
        List<StatusObservation> statuses = job.statuses();
        if (changed) {
            statuses = new ArrayList<>(statuses);
            statuses.add(new StatusObservation(status, clock.instant()));
        }
        TrackedJob updated = new TrackedJob(scope, kind, job.name(), id, statuses,
                recordJson != null ? recordJson : job.recordJson(), job.createdAt());
        jobs.byName.put(job.name(), updated);
        if (changed) {
            if (updated.terminal()) {
                jobs.inFlight.remove(id);
            } else {
                jobs.inFlight.add(id);
            }
            for (ConsumerState consumer : jobs.consumers.values()) {
                consumer.pending.add(id);
            }
        }
        return changed;
    }

    @Override
    public synchronized void forget(String scope, JobKind kind, String id) {
        Jobs jobs = jobs(scope, kind, false);
        String name = jobs != null ? jobs.nameById.remove(id) : null;
        if (name == null) {
            return;
        }
        jobs.byName.remove(name);
        jobs.inFlight.remove(id);
        jobs.consumers.values().forEach(c -> {
            c.emitted.remove(id);
            c.pending.remove(id);
        });
        size--;
    }

    @Override
    public synchronized void markEmitted(String consumerId, String scope, JobKind kind, String id, int count) {
        if (count <= 0) {
            return; // marks nothing
        }
        registerConsumer(consumerId, scope, kind, true);
        Jobs jobs = jobs(scope, kind, false);
        ConsumerState consumer = jobs.consumers.get(consumerId);
        int emitted = consumer.emitted.merge(id, count, Math::max);
        TrackedJob job = jobs.byId(id);
        if (job == null || emitted >= job.statuses().size()) {
            consumer.pending.remove(id);
        }
    }

    @Override
    public synchronized LeaderLease takeLead(String namespace) {
        return new LeaderLease(namespace, leads.merge(namespace, 1L, Long::sum));
    }

    @Override
    public synchronized boolean holdsLead(LeaderLease lease) {
        return !lease.fenced() || leads.getOrDefault(lease.namespace(), 0L) == lease.epoch();
    }

    @Override
    public synchronized int emittedCount(String consumerId, String scope, JobKind kind, String id) {
        ConsumerState consumer = consumer(consumerId, scope, kind);
        return consumer == null ? 0 : consumer.emitted.getOrDefault(id, 0);
    }

    @Override
    public synchronized Optional<TrackedJob> findById(String scope, JobKind kind, String id) {
        Jobs jobs = jobs(scope, kind, false);
        return Optional.ofNullable(jobs == null ? null : jobs.byId(id));
    }

    @Override
    public synchronized Optional<TrackedJob> findByName(String scope, JobKind kind, String name) {
        Jobs jobs = jobs(scope, kind, false);
        return Optional.ofNullable(jobs == null ? null : jobs.byName.get(name));
    }

    @Override
    public synchronized List<TrackedJob> jobs(String scope, JobKind kind) {
        Jobs jobs = jobs(scope, kind, false);
        return jobs == null ? List.of() : oldestFirst(new ArrayList<>(jobs.byName.values()));
    }

    @Override
    public synchronized boolean registerConsumer(String consumerId, String scope, JobKind kind, boolean replay) {
        Jobs jobs = jobs(scope, kind, true);
        if (jobs.consumers.containsKey(consumerId)) {
            return false;
        }
        ConsumerState consumer = new ConsumerState();
        jobs.consumers.put(consumerId, consumer);
        for (TrackedJob job : jobs.byName.values()) {
            if (!job.statuses().isEmpty()) {
                if (replay) {
                    consumer.pending.add(job.id());
                } else {
                    consumer.emitted.put(job.id(), job.statuses().size());
                }
            }
        }
        return true;
    }

    @Override
    public synchronized boolean isKnownConsumer(String consumerId, String scope, JobKind kind) {
        return consumer(consumerId, scope, kind) != null;
    }

    @Override
    public synchronized List<PendingJob> pendingChanges(String consumerId, String scope, JobKind kind, int limit) {
        Jobs jobs = jobs(scope, kind, false);
        ConsumerState consumer = jobs == null ? null : jobs.consumers.get(consumerId);
        if (consumer == null || consumer.pending.isEmpty()) {
            return List.of();
        }
        List<TrackedJob> pending = new ArrayList<>(consumer.pending.size());
        for (String id : consumer.pending) {
            pending.add(jobs.byId(id));
        }
        oldestFirst(pending);
        List<PendingJob> result = new ArrayList<>();
        for (TrackedJob job : pending) {
            if (limit > 0 && result.size() >= limit) {
                break;
            }
            result.add(new PendingJob(job, consumer.emitted.getOrDefault(job.id(), 0)));
        }
        return result;
    }

    @Override
    public synchronized List<TrackedJob> inFlight(String scope, JobKind kind) {
        Jobs jobs = jobs(scope, kind, false);
        if (jobs == null) {
            return List.of();
        }
        List<TrackedJob> result = new ArrayList<>(jobs.inFlight.size());
        for (String id : jobs.inFlight) {
            result.add(jobs.byId(id));
        }
        return oldestFirst(result);
    }

    @Override
    public synchronized int prune(Instant terminalBefore) {
        int pruned = 0;
        for (Jobs jobs : state.values()) {
            Iterator<TrackedJob> it = jobs.byName.values().iterator();
            while (it.hasNext()) {
                TrackedJob job = it.next();
                Instant terminalAt = job.isIntent() ? null : job.terminalAt();
                if (terminalAt == null || !terminalAt.isBefore(terminalBefore) || pendingForAny(jobs, job.id())) {
                    continue;
                }
                it.remove();
                jobs.nameById.remove(job.id());
                jobs.consumers.values().forEach(c -> c.emitted.remove(job.id()));
                pruned++;
            }
        }
        size -= pruned;
        return pruned;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** Jobs and intents recorded, in every scope and kind. */
    synchronized int size() {
        return size;
    }

    /** How many lines a snapshot of this state holds: one a job or intent and one a consumer. */
    synchronized int snapshotSize() {
        int lines = size;
        for (Jobs jobs : state.values()) {
            lines += jobs.consumers.size();
        }
        return lines;
    }

    /** What each known consumer of its kind emitted of a job (consumers that emitted nothing left out). */
    synchronized Map<String, Integer> emittedOf(String scope, JobKind kind, String id) {
        Jobs jobs = jobs(scope, kind, false);
        if (jobs == null) {
            return Map.of();
        }
        Map<String, Integer> emitted = new LinkedHashMap<>();
        jobs.consumers.forEach((consumerId, consumer) -> {
            Integer count = consumer.emitted.get(id);
            if (count != null) {
                emitted.put(consumerId, count);
            }
        });
        return emitted;
    }

    /** Every job and intent, grouped by scope and kind, oldest first within each. */
    synchronized List<TrackedJob> allJobs() {
        List<TrackedJob> all = new ArrayList<>(size);
        for (Jobs jobs : state.values()) {
            all.addAll(oldestFirst(new ArrayList<>(jobs.byName.values())));
        }
        return all;
    }

    /** Every known consumer, with what it emitted. */
    synchronized void forEachConsumer(ConsumerVisitor visitor) {
        state.forEach((sk, jobs) -> jobs.consumers.forEach((consumerId, consumer) -> visitor.visit(consumerId,
                sk.scope(), sk.kind(), Collections.unmodifiableMap(consumer.emitted))));
    }

    /** Sees one known consumer and its emitted counts by job id. */
    interface ConsumerVisitor {
        void visit(String consumerId, String scope, JobKind kind, Map<String, Integer> emitted);
    }

    private static boolean pendingForAny(Jobs jobs, String id) {
        for (ConsumerState consumer : jobs.consumers.values()) {
            if (consumer.pending.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private ConsumerState consumer(String consumerId, String scope, JobKind kind) {
        Jobs jobs = jobs(scope, kind, false);
        return jobs == null ? null : jobs.consumers.get(consumerId);
    }

    private Jobs jobs(String scope, JobKind kind, boolean create) {
        ScopeKind key = new ScopeKind(scope, kind);
        return create ? state.computeIfAbsent(key, k -> new Jobs()) : state.get(key);
    }

    private static List<TrackedJob> oldestFirst(List<TrackedJob> jobs) {
        // stable: jobs of the same instant keep the order they were recorded in
        jobs.sort(Comparator.comparing(TrackedJob::createdAt));
        return jobs;
    }
}
