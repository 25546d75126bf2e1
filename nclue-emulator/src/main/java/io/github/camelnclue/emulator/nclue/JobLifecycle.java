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

import java.time.Duration;
import java.util.function.Supplier;

import io.github.camelnclue.emulator.clock.JobClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an NCLUE job registered → pending → in_progress → completed|failed, one {@code statusStep} per state. The
 * outcome is computed when the job leaves in_progress, by reading Object Storage at that moment.
 */
final class JobLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);

    private final JobStore store;
    private final JobClock clock;
    private final Supplier<Duration> step;

    JobLifecycle(JobStore store, JobClock clock, Supplier<Duration> step) {
        this.store = store;
        this.clock = clock;
        this.step = step;
    }

    void start(EmulatedJob job, Supplier<Outcome> work) {
        clock.schedule(() -> advance(job, work), step.get());
    }

    private void advance(EmulatedJob job, Supplier<Outcome> work) {
        switch (job.status()) {
            case REGISTERED -> moveOn(job, EmulatedJobStatus.REGISTERED, EmulatedJobStatus.PENDING, work);
            case PENDING -> moveOn(job, EmulatedJobStatus.PENDING, EmulatedJobStatus.IN_PROGRESS, work);
            case IN_PROGRESS -> finish(job, work);
            default -> {
                // terminal: nothing left to do
            }
        }
    }

    private void moveOn(EmulatedJob job, EmulatedJobStatus from, EmulatedJobStatus to, Supplier<Outcome> work) {
        if (store.transition(job, from, to, clock.now(), null)) {
            clock.schedule(() -> advance(job, work), step.get());
        }
    }

    private void finish(EmulatedJob job, Supplier<Outcome> work) {
        Outcome outcome;
        try {
            outcome = work.get();
        } catch (JobFailure e) {
            outcome = Outcome.failed(e.failMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed unexpectedly", job.kind(), job.id(), e);
            outcome = Outcome.failed("COMMON_ERROR");
        }
        Outcome result = outcome;
        EmulatedJobStatus to = result.isCompleted() ? EmulatedJobStatus.COMPLETED : EmulatedJobStatus.FAILED;
        store.transition(job, EmulatedJobStatus.IN_PROGRESS, to, clock.now(), j -> {
            if (result.isCompleted()) {
                result.results().accept(j);
            } else {
                j.failMessage(result.failMessage());
            }
        });
    }
}
