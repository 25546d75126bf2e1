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
import java.util.List;
import java.util.Map;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML chain in routes/ under camel-main, end to end against the emulator and its real S3 server. */
class NclueChainTest {

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

    @Test
    void trainsPredictsAndStreamsTheResultRows() throws Exception {
        String outcome = NclueRunner.run(ChainSettings.ROUTES, ChainSettings.forEmulator(emulator, "ok", workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        List<Path> written = list(workDir.resolve("out"));
        assertEquals(1, written.size());
        List<String> rows = Files.readAllLines(written.get(0));
        assertEquals(DemoData.USERS, rows.size());
        assertTrue(rows.get(0).matches("user\\d+\\t[01]\\.\\d+"), rows.get(0));
        assertCreatedOnce();
    }

    @Test
    void aMissingLabelFileEndsTheChainWithNotExistFile() throws Exception {
        Map<String, String> settings = ChainSettings.forEmulator(emulator, "nolabels", workDir);
        settings.put("nclue.train-label-path", "labels/missing.tsv");

        String outcome = NclueRunner.run(ChainSettings.ROUTES, settings);

        assertEquals("failed tasks NOT_EXIST_FILE", outcome);
        assertEquals(0, emulator.stats().created(JobKind.TASK_RUN));
    }

    @Test
    void aStormOf429IsRiddenOutWithoutFailures() throws Exception {
        emulator.faults().add(Fault.status(429).onPath("/api/v1/").times(12));

        String outcome = NclueRunner.run(ChainSettings.ROUTES, ChainSettings.forEmulator(emulator, "storm", workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        assertTrue(emulator.stats().faultsInjected() >= 12, "faults injected: " + emulator.stats().faultsInjected());
        assertCreatedOnce();
    }

    @Test
    void serverErrorsWhilePollingAreRetried() throws Exception {
        emulator.faults().add(Fault.status(503).onPath("GET", "/api/v1/tasks").times(3));
        emulator.faults().add(Fault.status(502).onPath("GET", "/api/v1/task-runs").times(2));

        String outcome = NclueRunner.run(ChainSettings.ROUTES, ChainSettings.forEmulator(emulator, "flaky", workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        assertEquals(5, emulator.stats().faultsInjected());
        assertCreatedOnce();
    }

    @Test
    void theSameChainWithInRouteWaits() throws Exception {
        String outcome = NclueRunner.run(ChainSettings.ROUTES.resolve("examples"),
                ChainSettings.forEmulator(emulator, "inline", workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        assertCreatedOnce();
    }

    @Test
    void inRouteWaitsSeeAFailedJob() throws Exception {
        Map<String, String> settings = ChainSettings.forEmulator(emulator, "inline-fail", workDir);
        settings.put("nclue.train-label-path", "labels/missing.tsv");

        String outcome = NclueRunner.run(ChainSettings.ROUTES.resolve("examples"), settings);

        assertEquals("failed tasks NOT_EXIST_FILE", outcome);
    }

    private void assertCreatedOnce() {
        assertEquals(1, emulator.stats().created(JobKind.FEATURE));
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN));
    }

    static List<Path> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
