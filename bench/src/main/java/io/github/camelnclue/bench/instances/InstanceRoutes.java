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

import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.model.NclueJob;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of one instance: a consumer of every task run change (only the leader's emits) and a route whose
 * exchanges wait for their run to end, then report it. What reaches a route is reported with the instant it did.
 */
final class InstanceRoutes extends RouteBuilder {

    static final String WATCH_URI = "nclue:taskRuns";
    static final String WAIT_URI = "direct:wait";

    /** Where a route reports what reached it. */
    @FunctionalInterface
    interface EventSink {
        void emit(Type type, String runId, String status);
    }

    private final EventSink events;
    private final Duration waitTimeout;

    InstanceRoutes(EventSink events, Duration waitTimeout) {
        this.events = events;
        this.waitTimeout = waitTimeout;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(e -> events.emit(Type.FAILED, runId(e),
                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName()));

        from(WATCH_URI).routeId("watch")
                .process(e -> events.emit(Type.CHANGE, runId(e),
                        e.getMessage().getHeader(NclueConstants.STATUS, String.class)));

        from(WAIT_URI).routeId("wait")
                .process(new ParkedWait(WATCH_URI, waitTimeout, events))
                .process(e -> events.emit(Type.ENDED, runId(e), e.getMessage().getBody(NclueJob.class).status()));
    }

    private static String runId(Exchange exchange) {
        return exchange.getMessage().getHeader(NclueConstants.RUN_ID, String.class);
    }
}
