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
package io.github.camelnclue.runner;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelnclue.model.DryRunRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's {@code --dry-run}: every nclue endpoint runs with dryRun=true, and only the routes that start the chain
 * (those not consuming from {@code nclue:}) are started, so no consumer polls NCLUE. The chain is event-driven: its
 * later steps start on status changes of jobs a dry run never creates, so a dry run shows what the starting routes
 * would create or adopt. Each request is printed as it would be sent; the outcome completes when every starting route
 * has finished one exchange.
 */
final class DryRunReport extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunReport.class);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<DryRunRequest> requests = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> outcome;

    DryRunReport(CompletableFuture<String> outcome) {
        this.outcome = outcome;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        // Camel emits a sent event only for a send whose sending event a notifier took
        setIgnoreStepEvents(true);
    }

    /** Starts the routes that start the chain (not started by the context: camel.main.auto-startup=false). */
    void startChain(CamelContext context) throws Exception {
        List<Route> starters = context.getRoutes().stream()
                .filter(route -> !route.getEndpoint().getEndpointUri().startsWith("nclue:"))
                .toList();
        if (starters.isEmpty()) {
            outcome.complete("dry run: no route starts the chain (every route consumes from nclue:)");
            return;
        }
        starters.forEach(route -> pending.add(route.getRouteId()));
        for (Route route : starters) {
            LOG.info("DRY RUN: starting route {} ({})", route.getRouteId(), route.getEndpoint().getEndpointUri());
            context.getRouteController().startRoute(route.getRouteId());
        }
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent
                && sent.getEndpoint().getEndpointUri().startsWith("nclue:")
                && sent.getExchange().getMessage().getBody() instanceof DryRunRequest request) {
            requests.add(request);
            LOG.info("DRY RUN: {}", describe(request));
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent completed
                   && completed.getExchange().getFromRouteId() != null
                   && pending.remove(completed.getExchange().getFromRouteId()) && pending.isEmpty()) {
            outcome.complete(summary());
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed
                   && failed.getExchange().getFromRouteId() != null
                   && pending.contains(failed.getExchange().getFromRouteId())) {
            Exception exception = failed.getExchange().getException();
            outcome.complete("failed dry run: " + (exception != null ? exception.getMessage() : "route failed"));
        }
    }

    static String describe(DryRunRequest request) {
        if (request.wouldAdopt()) {
            return request.operation() + " would adopt " + request.adoptedId() + " (the ledger knows that name), "
                   + "sending nothing";
        }
        return request.operation() + " would send " + request.method() + " " + request.url()
               + (request.body() != null ? " " + request.body() : "");
    }

    private String summary() {
        long adopted = requests.stream().filter(DryRunRequest::wouldAdopt).count();
        return "dry run: " + (requests.size() - adopted) + " request(s) would be sent, " + adopted
               + " job(s) adopted" + (requests.isEmpty() ? "" : ": ")
               + String.join("; ", requests.stream().map(DryRunReport::describe).toList());
    }
}
