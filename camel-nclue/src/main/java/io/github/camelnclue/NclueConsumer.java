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

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.LeaderLease;
import io.github.camelnclue.tracking.PendingJob;
import io.github.camelnclue.tracking.StatusObservation;
import io.github.camelnclue.tracking.TrackedJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per observed status change of the jobs of a resource. The shared poller records changes in the
 * ledger; each poll here emits the changes this consumer has not emitted yet, in order, and marks a change emitted
 * only after the route processed it successfully, so a failed exchange is offered again and a restart loses nothing.
 * The ledger keys what was emitted by the route id: give such routes a stable id. A route id the ledger has never
 * seen starts from now ({@code startFrom=recorded} replays what is recorded); a known one resumes where it stopped. A
 * poll emits at most {@code maxMessagesPerPoll} changes and stops early when the route is stopping.
 */
public class NclueConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(NclueConsumer.class);

    private final Set<String> statuses;
    private final boolean replay;
    private final int maxMessagesPerPoll;
    private JobPoller poller;
    private JobLedger ledger;
    private String consumerId;
    private FailedChangeBackoff backoff;
    private volatile ShutdownRunningTask shutdownRunningTask;

    public NclueConsumer(NclueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        String wanted = endpoint.getConfiguration().getStatuses();
        this.statuses = wanted == null || wanted.isBlank()
                ? Set.of()
                : Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
        String startFrom = endpoint.getConfiguration().getStartFrom();
        if (startFrom != null && !"now".equals(startFrom) && !"recorded".equals(startFrom)) {
            throw new IllegalArgumentException("startFrom must be now or recorded, not " + startFrom);
        }
        this.replay = "recorded".equals(startFrom);
        this.maxMessagesPerPoll = endpoint.getConfiguration().getMaxMessagesPerPoll();
    }

    @Override
    public NclueEndpoint getEndpoint() {
        return (NclueEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        poller = getEndpoint().poller();
        ledger = getEndpoint().tracker().ledger();
        // outside a route, the endpoint's URI; its keys masked, since the id is logged and stored in the ledger
        consumerId = getRouteId() != null ? getRouteId() : URISupport.sanitizeUri(getEndpoint().getEndpointKey());
        backoff = new FailedChangeBackoff(getEndpoint().getConfiguration().getRedeliveryDelay(),
                getEndpoint().getConfiguration().getMaxRedeliveryDelay());
        if (ledger.registerConsumer(consumerId, poller.scope(), poller.kind(), replay)) {
            LOG.info("Consumer {} of {} is new to the ledger: it starts {}", consumerId, poller.kind(),
                    replay ? "with every change recorded" : "from now");
        }
        poller.hold(this, getEndpoint().getConfiguration().isWatchAll());
        shutdownRunningTask = null;
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        if (poller != null) {
            poller.release(this);
        }
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        if (poller.lastError() instanceof Exception error) {
            // surfaces in the consumer health check, with the HTTP status of an NclueApiException
            throw error;
        }
        LeaderLease lease = poller.lead().orElse(null);
        if (lease == null) {
            // with a cluster service only the leader of the account and kind emits: each change once
            return 0;
        }
        JobKind kind = poller.kind();
        // one ledger call: only the jobs with changes this consumer has not emitted, nothing when nothing changed
        List<PendingJob> pendingJobs = ledger.pendingChanges(consumerId, poller.scope(), kind, maxMessagesPerPoll);
        if (pendingJobs.isEmpty()) {
            return 0;
        }
        if (!ledger.holdsLead(lease)) {
            poller.deposed(lease); // the successor emits these
            return 0;
        }
        int emitted = 0;
        try {
            for (PendingJob pending : pendingJobs) {
                TrackedJob job = pending.job();
                List<StatusObservation> observed = job.statuses();
                for (int i = pending.emitted(); i < observed.size(); i++) {
                    if (!isEmitAllowed() || maxMessagesPerPoll > 0 && emitted >= maxMessagesPerPoll) {
                        return emitted; // stopping, or the batch is full: the rest waits in the ledger
                    }
                    String status = observed.get(i).status();
                    if (statuses.isEmpty() || statuses.contains(status)) {
                        String change = FailedChangeBackoff.key(job.id(), i);
                        if (!backoff.isDue(change) || !emit(job, status, i > 0 ? observed.get(i - 1).status() : null,
                                change)) {
                            break;
                        }
                        emitted++;
                    }
                    if (!ledger.markEmitted(lease, consumerId, poller.scope(), kind, job.id(), i, i + 1)) {
                        LOG.debug("{} {}: its change {} was marked emitted by another instance", kind, job.id(), i);
                        break;
                    }
                }
            }
        } catch (NclueLeadershipLostException e) {
            // the change just emitted was not marked: the new leader emits it again (at least once, never lost)
            poller.deposed(lease);
        }
        return emitted;
    }

    /** Told first when the route or context stops; not deferred: what was not emitted stays in the ledger. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        this.shutdownRunningTask = shutdownRunningTask;
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return 0;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // the poll in progress checks isEmitAllowed() before each exchange
    }

    /**
     * Whether the poll in progress may emit another change: not once the route is stopping or suspending (unless the
     * route completes all tasks on shutdown), as {@code ScheduledBatchPollingConsumer.isBatchAllowed} decides.
     */
    boolean isEmitAllowed() {
        if (!isRunAllowed() || isSuspendingOrSuspended()) {
            return false;
        }
        return shutdownRunningTask == null || shutdownRunningTask == ShutdownRunningTask.CompleteAllTasks;
    }

    /** Processes one change; false if the route failed, so it is offered again on the next poll. */
    private boolean emit(TrackedJob job, String status, String previousStatus, String change) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        if (job.recordJson() != null) {
            NclueReplies.apply(message, poller.parse(job.recordJson()));
        }
        message.setHeader(NclueConstants.KIND, job.kind().uriName());
        message.setHeader(NclueReplies.idHeader(job.kind()), job.id());
        if (message.getHeader(NclueConstants.JOB_NAME) == null) {
            // the record's name; an AI app's ledger name is its submit key
            message.setHeader(NclueConstants.JOB_NAME, job.name());
        }
        // the change being emitted, which may be older than the latest record in the body
        message.setHeader(NclueConstants.STATUS, status);
        message.setHeader(NclueConstants.PREVIOUS_STATUS, previousStatus);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (ok) {
            backoff.succeeded(change);
        } else {
            backoff.failed(change, "Processing " + job.kind() + " " + job.id() + " " + status, exchange,
                    exchange.getException(), getExceptionHandler());
        }
        releaseExchange(exchange, false);
        return ok;
    }
}
