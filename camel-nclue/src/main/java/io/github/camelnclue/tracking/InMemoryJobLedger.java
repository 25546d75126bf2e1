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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelnclue.model.JobKind;

/**
 * A ledger in memory: nothing survives a restart. The state and rules that the durable ledgers persist.
 */
public class InMemoryJobLedger implements JobLedger {

    private record Key(String scope, JobKind kind, String name) {
    }

    private record EmittedKey(String consumerId, String scope, JobKind kind, String id) {
    }

    private final Map<Key, TrackedJob> jobs = new LinkedHashMap<>();
    private final Map<EmittedKey, Integer> emitted = new LinkedHashMap<>();
    private final Clock clock;

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
    public synchronized void recordIntent(String scope, JobKind kind, String name) {
        jobs.putIfAbsent(new Key(scope, kind, name),
                new TrackedJob(scope, kind, name, null, List.of(), null, clock.instant()));
    }

    @Override
    public synchronized void forgetIntent(String scope, JobKind kind, String name) {
        jobs.computeIfPresent(new Key(scope, kind, name), (key, job) -> job.isIntent() ? null : job);
    }

    @Override
    public synchronized void recordJob(String scope, JobKind kind, String name, String id, String recordJson) {
        Key key = new Key(scope, kind, name);
        TrackedJob existing = jobs.get(key);
        if (existing != null && existing.id() != null) {
            return;
        }
        Instant createdAt = existing != null ? existing.createdAt() : clock.instant();
        jobs.put(key, new TrackedJob(scope, kind, name, id, List.of(), recordJson, createdAt));
    }

    @Override
    public synchronized boolean recordStatus(
            String scope, JobKind kind, String id, String status, String recordJson) {
        Optional<TrackedJob> found = findById(scope, kind, id);
        if (found.isEmpty()) {
            return false;
        }
        TrackedJob job = found.get();
        boolean changed = status != null && !status.equals(job.lastStatus());
        List<StatusObservation> statuses = new ArrayList<>(job.statuses());
        if (changed) {
            statuses.add(new StatusObservation(status, clock.instant()));
        }
        jobs.put(new Key(scope, kind, job.name()), new TrackedJob(scope, kind, job.name(), id, statuses,
                recordJson != null ? recordJson : job.recordJson(), job.createdAt()));
        return changed;
    }

    @Override
    public synchronized void forget(String scope, JobKind kind, String id) {
        jobs.values().removeIf(j -> j.scope().equals(scope) && j.kind() == kind && id.equals(j.id()));
        emitted.keySet().removeIf(k -> k.scope().equals(scope) && k.kind() == kind && k.id().equals(id));
    }

    @Override
    public synchronized void markEmitted(String consumerId, String scope, JobKind kind, String id, int count) {
        emitted.merge(new EmittedKey(consumerId, scope, kind, id), count, Math::max);
    }

    @Override
    public synchronized int emittedCount(String consumerId, String scope, JobKind kind, String id) {
        return emitted.getOrDefault(new EmittedKey(consumerId, scope, kind, id), 0);
    }

    @Override
    public synchronized Optional<TrackedJob> findById(String scope, JobKind kind, String id) {
        return jobs.values().stream()
                .filter(j -> j.scope().equals(scope) && j.kind() == kind && id.equals(j.id()))
                .findFirst();
    }

    @Override
    public synchronized Optional<TrackedJob> findByName(String scope, JobKind kind, String name) {
        return Optional.ofNullable(jobs.get(new Key(scope, kind, name)));
    }

    @Override
    public synchronized List<TrackedJob> jobs(String scope, JobKind kind) {
        return jobs.values().stream()
                .filter(j -> j.scope().equals(scope) && j.kind() == kind)
                .sorted(Comparator.comparing(TrackedJob::createdAt))
                .toList();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
