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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 2: one 503, one connection reset before the emulator acted, or one reset after it accepted (the job
 * exists, the reply is lost) on each create of the shipped chain: the chain completes without a restart, with exactly
 * one job per step.
 */
class NclueChainFaultTest {

    @TempDir
    Path workDir;

    private NclueEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(150)).build().start();
        DemoData.seed(emulator);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of("/api/v1/features", "/api/v1/tasks", "/api/v1/task-runs")) {
            for (String fault : List.of("503", "reset", "reset-after-accept")) {
                cases.add(Arguments.of(path, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on POST {0}")
    @MethodSource("faults")
    void theChainCompletesWithOneJobPerStep(String path, String fault) throws Exception {
        Fault injected = switch (fault) {
            case "503" -> Fault.status(503);
            case "reset" -> Fault.reset();
            default -> Fault.resetAfterAccept();
        };
        emulator.faults().add(injected.onPath("POST", path));
        String prefix = "fault-" + fault + "-" + path.substring(path.lastIndexOf('/') + 1);

        String outcome = NclueRunner.run(ChainSettings.ROUTES, ChainSettings.forEmulator(emulator, prefix, workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        assertEquals(1, emulator.stats().faultsInjected(), "the fault was injected");
        assertEquals(1, emulator.stats().created(JobKind.FEATURE));
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN));
        List<Path> written = NclueChainTest.list(workDir.resolve("out"));
        assertEquals(1, written.size());
        assertEquals(DemoData.USERS, Files.readAllLines(written.get(0)).size());
        assertTrue(emulator.stats().totalRequests() > 0);
    }
}
