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

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.camelnclue.BenchHooks;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.NclueEndpoint;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.FileJobLedger;
import io.github.camelnclue.tracking.JobPoller;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * The component's way: {@code from("nclue:taskRuns")} (every status) in a CamelContext with the default file ledger,
 * which already holds the runs (as if the component had created them). One exchange per observed change; the
 * detection instant is when the exchange arrives in the route.
 */
final class ConsumerScenario {

    static final Set<String> TERMINAL = Set.of("completed", "failed");

    private ConsumerScenario() {
    }

    static WatchResult run(NclueEmulator emulator, List<RunFleet.Run> runs, Path ledgerDirectory, Instant deadline)
            throws Exception {
        FileJobLedger ledger = new FileJobLedger(ledgerDirectory);
        ledger.start();
        try {
            for (RunFleet.Run run : runs) {
                ledger.recordJob(BenchContext.scope(emulator), JobKind.TASK_RUNS, run.name(), run.id(), null);
            }
        } finally {
            ledger.close();
        }

        Detections detections = new Detections();
        CamelContext context = BenchContext.create(emulator, ledgerDirectory.toString());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:taskRuns").routeId("watch").autoStartup(false)
                        .process(e -> detections.add(e.getMessage().getHeader(NclueConstants.RUN_ID, String.class),
                                e.getMessage().getHeader(NclueConstants.STATUS, String.class), Instant.now()));
            }
        });
        WatchResult.Meter meter = new WatchResult.Meter(emulator);
        Instant start = Instant.now();
        context.start();
        try {
            NclueEndpoint endpoint = context.getEndpoint("nclue:taskRuns", NclueEndpoint.class);
            SweepRecorder[] recorder = new SweepRecorder[1];
            JobPoller poller = BenchHooks.poller(endpoint, source -> recorder[0] = new SweepRecorder(source));
            recorder[0].poller(poller);
            context.getRouteController().startRoute("watch");
            while (!detections.allSeenIn(runs, TERMINAL) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Instant end = Instant.now();
            List<SweepRecorder.Sweep> sweeps = recorder[0].finish();
            return meter.result(runs, detections, start, end, sweeps);
        } finally {
            context.stop();
        }
    }
}
