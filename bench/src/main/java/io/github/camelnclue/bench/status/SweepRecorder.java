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
package io.github.camelnclue.bench.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobSource;

/**
 * Wraps the poller's job source to see its sweeps: every sweep starts with the first list page (index 0), so the
 * requests between two such starts are one sweep's. At each start it also reads the poller's own
 * {@link JobPoller#lastSweepRequests()} for the sweep that just ended, as a cross-check.
 */
public final class SweepRecorder implements JobSource {

    /** One sweep: when it started, the requests this source saw, and what the poller reported. */
    public record Sweep(long startNanos, int requests, int pollerReported) {
    }

    private final JobSource delegate;
    private final List<Sweep> sweeps = new ArrayList<>();
    private volatile JobPoller poller;
    private long currentStart = -1;
    private int currentRequests;

    public SweepRecorder(JobSource delegate) {
        this.delegate = delegate;
    }

    public void poller(JobPoller poller) {
        this.poller = poller;
    }

    @Override
    public CompletableFuture<Page> list(int index, int limit) {
        synchronized (this) {
            if (index == 0) {
                closeSweep(poller != null ? poller.lastSweepRequests() : -1);
                currentStart = System.nanoTime();
            }
            currentRequests++;
        }
        return delegate.list(index, limit);
    }

    @Override
    public CompletableFuture<? extends NclueJob> get(String id) {
        synchronized (this) {
            currentRequests++;
        }
        return delegate.get(id);
    }

    /** Sweeps seen to their end so far (each closes when the next one starts). */
    public synchronized int completed() {
        return sweeps.size();
    }

    /**
     * Every complete sweep so far. The last one is kept only if the poller reports it finished (its count equals the
     * requests seen); otherwise it is still under way and dropped.
     */
    public synchronized List<Sweep> finish() {
        int reported = poller != null ? poller.lastSweepRequests() : -1;
        if (reported == currentRequests) {
            closeSweep(reported);
        }
        return List.copyOf(sweeps);
    }

    private void closeSweep(int pollerReported) {
        if (currentStart >= 0) {
            sweeps.add(new Sweep(currentStart, currentRequests, pollerReported));
        }
        currentStart = -1;
        currentRequests = 0;
    }
}
