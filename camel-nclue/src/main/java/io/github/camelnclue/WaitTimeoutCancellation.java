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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.github.camelnclue.client.DataForestClient;
import io.github.camelnclue.client.JobResourceClient;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobStatus;
import io.github.camelnclue.model.NclueJob;

/**
 * onWaitTimeout=cancel: what a timed-out wait does with its job. It reads the job first, because the wait's last
 * known status may be stale: a job that ended meanwhile is the wait's answer after all; an NCLUE job still registered
 * is deleted (NCLUE cancels a registered job on delete, and refuses to delete a pending or in_progress one); an AI
 * app is killed. The exchange then fails with an {@link NclueWaitTimeoutException} that says what was done.
 * <p>
 * Only a timeout is handled: a wait released by a route or context stop fails otherwise and is never cancelled.
 */
@FunctionalInterface
interface WaitTimeoutCancellation {

    /** Completes with the job if it ended, else fails with a timeout saying what was done. */
    CompletableFuture<NclueJob> cancel(NclueWaitTimeoutException timeout, Duration waitTimeout);

    /** NCLUE jobs (features, tasks, task runs, profiles): deleted while registered, else left running and tracked. */
    static WaitTimeoutCancellation deleteIfRegistered(JobResourceClient<?, ?> client) {
        String kind = client.kind().uriName();
        return (timeout, waitTimeout) -> client.get(timeout.getJobId())
                .<NclueJob> thenApply(NclueJob.class::cast)
                .exceptionally(failure -> {
                    throw outcome(kind, timeout, null, waitTimeout, "reading its status to cancel it failed ("
                            + cause(failure).getMessage() + "); left running and tracked", false);
                })
                .thenCompose(job -> {
                    if (job.terminal()) {
                        return CompletableFuture.completedFuture(job);
                    }
                    if (!JobStatus.REGISTERED.equalsIgnoreCase(job.status())) {
                        throw outcome(kind, timeout, job.status(), waitTimeout, "still running: " + job.status()
                                + " jobs cannot be deleted; left running and tracked", false);
                    }
                    return client.delete(job.id()).handle((deleted, failure) -> {
                        if (failure != null) {
                            throw outcome(kind, timeout, job.status(), waitTimeout, "deleting it failed ("
                                    + cause(failure).getMessage() + "); left running and tracked", false);
                        }
                        throw outcome(kind, timeout, job.status(), waitTimeout, "cancelled while registered", true);
                    });
                });
    }

    /** AI apps: killed unless they reached a final YARN state meanwhile. */
    static WaitTimeoutCancellation kill(DataForestClient client) {
        return (timeout, waitTimeout) -> client.getDetail(timeout.getJobId())
                .<NclueJob> thenApply(NclueJob.class::cast)
                .exceptionally(failure -> null)
                .thenCompose(app -> {
                    if (app != null && app.terminal()) {
                        return CompletableFuture.completedFuture(app);
                    }
                    String state = app != null ? app.status() : null;
                    return client.kill(timeout.getJobId()).handle((killed, failure) -> {
                        if (failure != null) {
                            throw outcome("aiApps", timeout, state, waitTimeout, "killing it failed ("
                                    + cause(failure).getMessage() + "); left running and tracked", false);
                        }
                        throw outcome("aiApps", timeout, state, waitTimeout, "cancelled: the AI app was killed", true);
                    });
                });
    }

    /** Applies {@code cancellation} to a wait's timeout; any other outcome passes through. */
    static Function<Throwable, CompletableFuture<NclueJob>> onTimeout(
            WaitTimeoutCancellation cancellation, Duration waitTimeout) {
        return failure -> cause(failure) instanceof NclueWaitTimeoutException timeout
                ? cancellation.cancel(timeout, waitTimeout) : CompletableFuture.failedFuture(cause(failure));
    }

    private static NclueWaitTimeoutException outcome(
            String kind, NclueWaitTimeoutException timeout, String status, Duration waitTimeout, String what,
            boolean cancelled) {
        NclueWaitTimeoutException result = new NclueWaitTimeoutException(kind, timeout.getJobId(), status, waitTimeout,
                what, cancelled);
        result.addSuppressed(timeout);
        return result;
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
