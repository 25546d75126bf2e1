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
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.StatusObservation;
import io.github.camelnclue.tracking.TrackedJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Emits one exchange per observed status change of the jobs of a resource. The shared poller records changes in the
 * ledger; each poll here emits the changes this consumer has not emitted yet, in order, and marks a change emitted
 * only after the route processed it successfully, so a failed exchange is offered again and a restart loses nothing.
 * The ledger keys what was emitted by the route id: give such routes a stable id.
 */
public class NclueConsumer extends ScheduledPollConsumer {

    private final Set<String> statuses;
    private JobPoller poller;
    private JobLedger ledger;
    private String consumerId;

    public NclueConsumer(NclueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        String wanted = endpoint.getConfiguration().getStatuses();
        this.statuses = wanted == null || wanted.isBlank()
                ? Set.of()
                : Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }

    @Override
    public NclueEndpoint getEndpoint() {
        return (NclueEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        poller = getEndpoint().poller();
        ledger = getEndpoint().tracker().ledger();
        consumerId = getRouteId() != null ? getRouteId() : getEndpoint().getEndpointKey();
        poller.hold(this, getEndpoint().getConfiguration().isWatchAll());
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
        JobKind kind = poller.kind();
        int emitted = 0;
        for (TrackedJob job : ledger.jobs(poller.scope(), kind)) {
            if (job.isIntent()) {
                continue;
            }
            List<StatusObservation> observed = job.statuses();
            int done = ledger.emittedCount(consumerId, poller.scope(), kind, job.id());
            for (int i = done; i < observed.size(); i++) {
                String status = observed.get(i).status();
                if (statuses.isEmpty() || statuses.contains(status)) {
                    if (!emit(job, status, i > 0 ? observed.get(i - 1).status() : null)) {
                        break;
                    }
                    emitted++;
                }
                ledger.markEmitted(consumerId, poller.scope(), kind, job.id(), i + 1);
            }
        }
        return emitted;
    }

    /** Processes one change; false if the route failed, so it is offered again on the next poll. */
    private boolean emit(TrackedJob job, String status, String previousStatus) {
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
        if (!ok) {
            getExceptionHandler().handleException(
                    "Processing " + job.kind() + " " + job.id() + " " + status + " failed; it is offered again",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }
}
