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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.TaskRun;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The baseline: one sensor per job, as in Airflow. Each in-flight run is read with its own GET
 * ({@code nclue:taskRuns?operation=get}), round-robin, paced by the component's shared 1 request/second limiter; a run
 * leaves the rotation once it is completed or failed. The detection instant is when the GET reply is back.
 */
final class BaselineScenario {

    private BaselineScenario() {
    }

    static WatchResult run(NclueEmulator emulator, List<RunFleet.Run> runs, Path ledgerDirectory, Instant deadline)
            throws Exception {
        Detections detections = new Detections();
        Map<String, String> lastSeen = new HashMap<>();
        List<SweepRecorder.Sweep> rounds = new ArrayList<>();
        CamelContext context = BenchContext.create(emulator, ledgerDirectory.toString());
        WatchResult.Meter meter = new WatchResult.Meter(emulator);
        Instant start = Instant.now();
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            List<RunFleet.Run> inFlight = new ArrayList<>(runs);
            while (!inFlight.isEmpty() && Instant.now().isBefore(deadline)) {
                long roundStart = System.nanoTime();
                int requests = 0;
                List<RunFleet.Run> next = new ArrayList<>();
                for (RunFleet.Run run : inFlight) {
                    if (!Instant.now().isBefore(deadline)) {
                        next.add(run);
                        continue;
                    }
                    TaskRun reply = template.requestBodyAndHeader("nclue:taskRuns?operation=get", null,
                            NclueConstants.RUN_ID, run.id(), TaskRun.class);
                    requests++;
                    Instant now = Instant.now();
                    if (!reply.status().equals(lastSeen.put(run.id(), reply.status()))) {
                        detections.add(run.id(), reply.status(), now);
                    }
                    if (!ConsumerScenario.TERMINAL.contains(reply.status())) {
                        next.add(run);
                    }
                }
                boolean complete = requests == inFlight.size();
                if (complete) {
                    rounds.add(new SweepRecorder.Sweep(roundStart, requests, -1));
                }
                inFlight = next;
            }
            return meter.result(runs, detections, start, Instant.now(), rounds);
        } finally {
            context.stop();
        }
    }
}
