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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the runner ends when the chain cannot go on, and what it says on a rerun: the runner in its own JVM, as the
 * main job starts it, so the exit code and the log are the real ones.
 */
class NclueRunnerExitTest {

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
    void aWrongSecretKeyEndsTheRunWithExitCode1AndTheReason() throws Exception {
        Map<String, String> settings = settings("badkey");
        settings.put("camel.component.nclue.secret-key", "not-the-secret-key");

        Process runner = startRunner(settings, "badkey");

        // well before the runner's own timeout (which would exit 2): it stops at the first refused request
        assertTrue(runner.waitFor(90, TimeUnit.SECONDS), "the runner ends:\n" + log("badkey"));
        assertEquals(1, runner.exitValue(), log("badkey"));
        String reason = log("badkey").lines().filter(l -> l.contains("The chain cannot go on")).findFirst()
                .orElseThrow(() -> new AssertionError("no reason logged:\n" + log("badkey")));
        assertTrue(reason.contains("HTTP 401") && reason.contains("NCP_SECRET_KEY"), reason);
        assertTrue(emulator.stats().unauthorized() > 0);
        assertEquals(0, emulator.stats().created(JobKind.FEATURE));
    }

    @Test
    void refusedPollsEndTheRunToo() throws Exception {
        // the create goes through; listing the features (how the chain learns they completed) is refused
        emulator.faults().add(Fault.status(403).onPath("GET", "/api/v1/features").always());

        String outcome = NclueRunner.run(ChainSettings.ROUTES, settings("nolist"));

        assertTrue(outcome.startsWith("cannot go on: route nclue-train cannot poll") && outcome.contains("HTTP 403"),
                outcome);
        assertEquals(1, emulator.stats().created(JobKind.FEATURE));
    }

    @Test
    void aRerunAdoptsTheJobsOfTheFirstRunAndSaysSo() throws Exception {
        Map<String, String> settings = settings("rerun");
        // the first run: NCLUE refuses the task's create, after the feature is made
        emulator.faults().add(Fault.status(403).onPath("POST", "/api/v1/tasks"));

        String first = NclueRunner.run(ChainSettings.ROUTES, settings);

        assertTrue(first.startsWith("cannot go on: route nclue-train failed") && first.contains("HTTP 403"), first);
        assertEquals(1, emulator.stats().created(JobKind.FEATURE));
        assertEquals(0, emulator.stats().created(JobKind.TASK));

        Process second = startRunner(settings, "second");

        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the rerun ends:\n" + log("second"));
        assertEquals(0, second.exitValue(), "the rerun completes the chain:\n" + log("second"));
        assertTrue(log("second").contains("Adopting feature rerun-feature"), log("second"));
        assertTrue(log("second").contains("Created task rerun-task"), log("second"));
        assertEquals(1, emulator.stats().created(JobKind.FEATURE), "the feature was adopted, not created again");
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN));
    }

    @Test
    void aRerunOfAChainThatEndedReportsItsOutcomeAndRunsNothing() throws Exception {
        Map<String, String> settings = settings("again");
        assertEquals("completed " + DemoData.USERS + " rows", NclueRunner.run(ChainSettings.ROUTES, settings));
        long requests = emulator.stats().totalRequests();

        String again = NclueRunner.run(ChainSettings.ROUTES, settings);

        assertEquals("completed " + DemoData.USERS + " rows (in an earlier run with this job prefix)", again);
        assertEquals(requests, emulator.stats().totalRequests(), "no route ran");
        assertEquals(1, NclueChainTest.list(workDir.resolve("out")).stream()
                .filter(file -> file.toString().endsWith(".tsv")).count());
    }

    @Test
    void aSigtermStopsTheRunAtOnceAndRecordsNothing() throws Exception {
        Map<String, String> settings = settings("term");
        Process runner = startRunner(settings, "term");
        await().atMost(Duration.ofSeconds(60)).failFast("the runner died", () -> !runner.isAlive())
                .until(() -> emulator.stats().created(JobKind.FEATURE) == 1);

        runner.destroy();

        // camel-main's SIGTERM hook waits up to a minute for the context to stop: the runner stops it at once
        assertTrue(runner.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the runner:\n" + log("term"));
        assertEquals(143, runner.exitValue(), "ended by the signal");
        assertTrue(log("term").contains("The chain " + NclueRunner.STOPPED), log("term"));
        assertEquals(0, emulator.stats().created(JobKind.TASK), "the chain did not run on after the SIGTERM");
        assertFalse(Files.exists(workDir.resolve("ledger/chain-outcomes/term")), "nothing recorded: a rerun resumes");
    }

    private Map<String, String> settings(String prefix) {
        Map<String, String> settings = ChainSettings.forEmulator(emulator, prefix, workDir);
        settings.put("nclue.runner.timeout-seconds", "120");
        return settings;
    }

    private Process startRunner(Map<String, String> settings, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dnclue.routes-dir=" + ChainSettings.ROUTES);
        command.add(NclueRunner.class.getName());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile())
                .start();
    }

    private String log(String name) {
        try {
            return Files.readString(workDir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
