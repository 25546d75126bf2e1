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
package io.github.camelnclue.emulator.nclue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.StatusHistory;

/**
 * The NCLUE jobs that exist (not deleted), per kind, in creation order. Check-then-act sequences (duplicate name
 * then insert, deletable then remove, still-there then transition) run under this store's lock, so API threads and
 * the scheduler thread never interleave inside one.
 */
final class JobStore {

    private final Map<JobKind, Map<String, EmulatedJob>> jobs = new EnumMap<>(JobKind.class);
    private final StatusHistory history;

    JobStore(StatusHistory history) {
        this.history = history;
        for (JobKind kind : JobKind.values()) {
            jobs.put(kind, new LinkedHashMap<>());
        }
    }

    /** Runs {@code action} atomically with respect to every other store operation. */
    synchronized <T> T atomically(Supplier<T> action) {
        return action.get();
    }

    synchronized void add(EmulatedJob job) {
        jobs.get(job.kind()).put(job.id(), job);
        history.record(job.id(), job.status().value(), job.createdAt());
    }

    synchronized EmulatedJob find(JobKind kind, String id) {
        return jobs.get(kind).get(id);
    }

    /** The job if it exists and has completed, else {@code null} (a job's work fails with COMMON_ERROR then). */
    synchronized <T extends EmulatedJob> T completed(JobKind kind, String id, Class<T> type) {
        EmulatedJob job = jobs.get(kind).get(id);
        return job != null && job.status() == EmulatedJobStatus.COMPLETED ? type.cast(job) : null;
    }

    synchronized boolean nameTaken(JobKind kind, String name) {
        return jobs.get(kind).values().stream().anyMatch(j -> j.name().equals(name));
    }

    synchronized List<EmulatedJob> newestFirst(JobKind kind) {
        List<EmulatedJob> list = new ArrayList<>(jobs.get(kind).values());
        Collections.reverse(list);
        return list;
    }

    synchronized List<EmulatedJob> all(JobKind kind) {
        return new ArrayList<>(jobs.get(kind).values());
    }

    synchronized void remove(EmulatedJob job, Instant at) {
        if (jobs.get(job.kind()).remove(job.id()) != null) {
            history.record(job.id(), "deleted", at);
        }
    }

    /**
     * Moves a job on unless it was deleted meanwhile.
     *
     * @param  results applied before the status becomes visible; may be {@code null}
     * @return         {@code false} when the job no longer exists or is not in {@code from}
     */
    synchronized boolean transition(EmulatedJob job, EmulatedJobStatus from, EmulatedJobStatus to, Instant at,
                                    Consumer<EmulatedJob> results) {
        if (jobs.get(job.kind()).get(job.id()) != job || job.status() != from) {
            return false;
        }
        if (results != null) {
            results.accept(job);
        }
        if (to.isTerminal()) {
            job.completedAt(at);
        }
        job.status(to);
        history.record(job.id(), to.value(), at);
        return true;
    }
}
