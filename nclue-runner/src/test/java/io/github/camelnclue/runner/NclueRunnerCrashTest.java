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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.StatusChange;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner in its own JVM is killed with SIGKILL while the task is in_progress and started again: the chain
 * completes, every status change of every job is emitted exactly once across both lives, and exactly one feature, one
 * task and one task run were created.
 */
class NclueRunnerCrashTest {

    private static final Duration STEP = Duration.ofMillis(1500);

    @TempDir
    Path workDir;

    private NclueEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = NclueEmulator.builder().statusStep(STEP).build().start();
        DemoData.seed(emulator);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void survivesKillNineWithTheFileLedger() throws Exception {
        killWhileTheTaskRunsThenFinish(Map.of());
    }

    @Test
    void survivesKillNineWithThePostgresLedger() throws Exception {
        // a database of its own on the server the JVM's tests share: starting a server costs seconds
        killWhileTheTaskRunsThenFinish(Map.of(
                "nclue.ledger.jdbc-url", EmbeddedPostgresSupport.newDatabase("runner_crash_test"),
                "nclue.ledger.jdbc-user", "postgres"));
    }

    private void killWhileTheTaskRunsThenFinish(Map<String, String> ledger) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(ChainSettings.forEmulator(emulator, "crash", workDir));
        settings.putAll(ledger);
        settings.put("nclue.audit-dir", workDir.resolve("audit").toString());
        settings.put("nclue.routes-dir", ChainSettings.ROUTES.toString());
        settings.put("camel.main.routes-include-pattern", "file:" + ChainSettings.ROUTES + "/*.yaml,"
                                                          + "classpath:audit/audit-routes.yaml");
        Path events = workDir.resolve("audit/events.log");

        Process first = startRunner(settings, "first");
        String taskId = awaitAuditedId(events, "tasks", first);
        await(() -> "in_progress".equals(lastStatus(taskId)), Duration.ofSeconds(30), "the task to be in_progress");
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertEquals("in_progress", lastStatus(taskId), "killed while the task was in_progress");

        Process second = startRunner(settings, "second");
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the restarted chain ends");
        assertEquals(0, second.exitValue(), "the restarted chain completes:\n" + tail("second.log"));

        assertEquals(1, emulator.stats().created(JobKind.FEATURE));
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN));
        List<String> lines = Files.readAllLines(events);
        assertEquals(lines.stream().distinct().toList(), lines, "no status change emitted twice");
        Map<String, List<String>> emittedById = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            emittedById.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(parts[3]);
        }
        assertEquals(3, emittedById.size(), "one feature, one task, one run: " + lines);
        emittedById.forEach((id, statuses) -> {
            List<String> actual = emulator.statusHistory(id).stream().map(StatusChange::status).toList();
            assertTrue(Subsequence.of(statuses, actual), id + " emitted " + statuses + " of " + actual);
            assertEquals("completed", statuses.get(statuses.size() - 1), id + " emitted its completion");
        });
        assertTrue(emittedById.get(taskId).contains("in_progress") || emittedById.get(taskId).contains("pending"),
                "the first life emitted the task's early changes: " + emittedById.get(taskId));
        List<Path> results = NclueChainTest.list(workDir.resolve("out"));
        assertEquals(DemoData.USERS, Files.readAllLines(results.get(0)).size());
    }

    private Process startRunner(Map<String, String> settings, String life) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(NclueRunner.class.getName());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(life + ".log").toFile())
                .start();
    }

    private String awaitAuditedId(Path events, String resource, Process runner) throws Exception {
        String[] id = new String[1];
        await(() -> {
            if (!runner.isAlive()) {
                throw new AssertionError("the runner died: exit " + runner.exitValue() + "\n" + tail("first.log")
                                         + "\naudit: " + auditFiles());
            }
            try {
                if (Files.exists(events)) {
                    Files.readAllLines(events).stream().filter(l -> l.startsWith(resource + " ")).findFirst()
                            .ifPresent(line -> id[0] = line.split(" ")[1]);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return id[0] != null;
        }, Duration.ofSeconds(60), "a " + resource + " event");
        return id[0];
    }

    private String auditFiles() {
        try (var files = Files.walk(workDir)) {
            return files.map(f -> f + (f.toString().endsWith(".log") && f.toString().contains("audit")
                    ? " " + read(f) : "")).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String tail(String log) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve(log)).stream()
                    .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Exception")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String lastStatus(String id) {
        List<StatusChange> history = emulator.statusHistory(id);
        return history.isEmpty() ? null : history.get(history.size() - 1).status();
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
