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
package io.github.camelnclue.bench.instances;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.BenchHooks;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.NclueEndpoint;
import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.model.NclueJob;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Parks the exchange until its task run ends, as {@code operation=create&waitForCompletion=true} does once NCLUE
 * replied to the create: the run is recorded in the shared ledger, the wait parks on the poller, no thread waits.
 * The benchmark's runs were created beforehand with the quota off: 900 creates at 1 request/second would take 15
 * minutes before anything is measured.
 */
final class ParkedWait extends AsyncProcessorSupport {

    private final String endpointUri;
    private final Duration timeout;
    private final InstanceRoutes.EventSink events;

    ParkedWait(String endpointUri, Duration timeout, InstanceRoutes.EventSink events) {
        this.endpointUri = endpointUri;
        this.timeout = timeout;
        this.events = events;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String id = exchange.getMessage().getHeader(NclueConstants.RUN_ID, String.class);
        String name = exchange.getMessage().getHeader(NclueConstants.JOB_NAME, String.class);
        CompletableFuture<NclueJob> end;
        try {
            NclueEndpoint endpoint = exchange.getContext().getEndpoint(endpointUri, NclueEndpoint.class);
            end = BenchHooks.awaitCreated(endpoint, name, id, timeout);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        events.emit(Type.PARKED, id, null);
        end.whenComplete((job, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setBody(job);
            }
            callback.done(false);
        });
        return false;
    }
}
