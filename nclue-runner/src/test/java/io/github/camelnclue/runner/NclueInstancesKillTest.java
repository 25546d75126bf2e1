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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.StatusChange;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped runner as several JVMs, configured by properties and the environment alone as the README runs it, and
 * killed with SIGKILL. Three instances on one PostgreSQL ledger, one access key and one cluster service run the chain
 * against an emulator that enforces the quota; the instance that leads the tasks is killed while the task is
 * in_progress: another takes over, the chain completes, each job was created once, each status change emitted once
 * across the instances, and no request went over the quota. And a single process with the file ledger, killed right
 * after a request and restarted at once, keeps the quota across its two lives.
 */
class NclueInstancesKillTest {

    private static final Duration STEP = Duration.ofMillis(1500);
    /** The request interval of the restart test: longer than a JVM takes to start. */
    private static final Duration SLOW = Duration.ofSeconds(10);
    private static final String PREFIX = "kill";
    private static final Pattern LEADERSHIP = Pattern.compile(
            "NCLUE tasks of account [0-9a-f]{16}: (this instance leads|another instance leads|nobody leads)");

    /** The cluster services the component's page names for several instances, each declared in properties. */
    enum ClusterService {
        FILE_LOCK,
        ZOOKEEPER
    }

    /** One runner JVM: its process and its own directory (log, audit of emitted changes, result rows). */
    private record Runner(String name, Process process, Path dir) {

        Path log() {
            return dir.resolve("runner.log");
        }

        /** The changes this instance's audit routes emitted: {@code <resource> <id> <name> <status>} per line. */
        List<String> emitted() {
            Path events = dir.resolve("audit/events.log");
            try {
                return Files.exists(events)
                        ? Files.readAllLines(events).stream().filter(l -> l.split(" ").length == 4).toList()
                        : List.of();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String logText() {
            try {
                return Files.exists(log()) ? Files.readString(log()) : "";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Whether this instance led the tasks at some time. */
        boolean ledTasks() {
            Matcher m = LEADERSHIP.matcher(logText());
            while (m.find()) {
                if ("this instance leads".equals(m.group(1))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this instance's latest leadership change for the tasks made it the leader. */
        boolean leadsTasks() {
            Matcher m = LEADERSHIP.matcher(logText());
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            return "this instance leads".equals(last);
        }

        /** The WARN and ERROR lines of the log (no secrets: the component masks keys, and they are not -D options). */
        String problems() {
            List<String> lines = logText().lines()
                    .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Exception")).toList();
            return name + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    // kept when a test fails: the instances' logs and audits
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    private NclueEmulator emulator;
    private TestingServer zooKeeper;
    private final List<Runner> runners = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Runner runner : runners) {
            runner.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClusterService.class)
    void theTasksLeaderKilledMidTaskHandsTheChainToAnotherInstance(ClusterService cluster) throws Exception {
        emulator = NclueEmulator.builder().statusStep(STEP).quotaPerSecond(1).build().start();
        DemoData.seed(emulator);
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("camel.beans.nclueDs", "#class:org.postgresql.ds.PGSimpleDataSource");
        shared.put("camel.beans.nclueDs.url",
                EmbeddedPostgresSupport.newDatabase("instances_kill_" + cluster.name().toLowerCase()));
        shared.put("camel.component.nclue.ledger-data-source", "#nclueDs");
        shared.putAll(clusterService(cluster));
        for (String name : List.of("a", "b", "c")) {
            runners.add(start(name, name, shared));
        }

        String taskId = await("the task's first emitted change").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .failFast("an instance died", () -> runners.stream().anyMatch(r -> !r.process().isAlive()))
                .until(() -> emittedIdOf("tasks"), Optional::isPresent).get();
        await("the task to be in_progress").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> "in_progress".equals(lastStatus(taskId)));
        List<Runner> leaders = runners.stream().filter(Runner::leadsTasks).toList();
        assertEquals(1, leaders.size(), "exactly one instance leads the tasks: "
                                        + runners.stream().map(r -> r.name() + " " + r.leadsTasks()).toList());
        Runner leader = leaders.get(0);
        List<Runner> survivors = runners.stream().filter(r -> r != leader).toList();
        assertTrue(leader.emitted().stream().anyMatch(l -> l.startsWith("tasks " + taskId + " ")),
                "the leader emitted the task's first change: " + leader.emitted());
        survivors.forEach(r -> assertTrue(r.emitted().stream().noneMatch(l -> l.startsWith("tasks ")),
                "only the leader emits: " + r.name() + " " + r.emitted()));

        Instant killing = Instant.now();
        assertTrue(leader.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS), "the leader is gone");
        Instant killed = Instant.now();
        List<StatusChange> taskHistory = emulator.statusHistory(taskId);
        assertTrue(taskHistory.stream().anyMatch(c -> "in_progress".equals(c.status())
                                                      && c.at().isBefore(killing)),
                "in_progress before the kill: " + taskHistory);

        // the instance that emits the run's completion writes the rows and exits 0, as the runner does
        Runner finisher = await("an instance to finish the chain").atMost(Duration.ofSeconds(90))
                .until(() -> survivors.stream().filter(r -> !r.process().isAlive()).findFirst(), Optional::isPresent)
                .get();
        assertEquals(0, finisher.process().exitValue(), "the chain completes:\n" + finisher.problems());
        assertTrue(emulator.statusHistory(taskId).stream().anyMatch(c -> "completed".equals(c.status())
                                                                        && c.at().isAfter(killed)),
                "the task completed after the kill: " + emulator.statusHistory(taskId));
        // the audit of the run's completion may come from the instance that leads the task runs after the finisher
        await("every job's completion emitted").atMost(Duration.ofSeconds(30))
                .until(() -> allEmitted().stream().filter(l -> l.endsWith(" completed")).count() >= 3);
        for (Runner survivor : survivors) {
            if (survivor.process().isAlive()) {
                // nothing is left for it to wait for; a follower does not learn the outcome, so the test stops it
                survivor.process().destroy();
                assertTrue(survivor.process().waitFor(30, TimeUnit.SECONDS), survivor.name() + " stops");
                assertEquals(143, survivor.process().exitValue(), survivor.name() + " stopped by SIGTERM");
            }
        }

        assertEquals(1, emulator.stats().created(JobKind.FEATURE), "one feature for three instances");
        assertEquals(1, emulator.stats().created(JobKind.TASK), "one task");
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN), "one task run");
        assertEquals(0, emulator.stats().quotaExceeded(), "no 429: " + emulator.stats().snapshot());
        assertTrue(emulator.stats().busiestSecond() <= 1, "at most 1 request in any second at the emulator: "
                                                          + emulator.stats().busiestSecond() + ", shortest gap "
                                                          + emulator.stats().shortestGap());
        assertEquals(1, count("Created feature " + PREFIX + "-feature"), "one instance created the feature");
        assertEquals(2, count("Adopting feature " + PREFIX + "-feature"), "the others ran the chain and adopted it");
        assertEquals(1, count("Created task " + PREFIX + "-task "), "the task was created once");
        assertEquals(1, count("Created task run " + PREFIX + "-run "), "the run was created once");
        assertEquals(1, count("RESULT run "), "the result was written once");
        Runner completer = survivors.stream().filter(r -> statusesOf(r, taskId).contains("completed")).findFirst()
                .orElseThrow(() -> new AssertionError("no survivor emitted the task's completion: " + allEmitted()));
        assertTrue(completer.ledTasks(), completer.name() + " emitted the task's completion as its leader");
        assertEmittedOnceEach(taskId, leader, survivors);
        List<Path> results = NclueChainTest.list(finisher.dir().resolve("out"));
        assertEquals(DemoData.USERS, Files.readAllLines(results.get(0)).size(), "every row of the result");
        assertNoKeyInTheLogs();
    }

    /**
     * The runner with the default file ledger, killed right after a request and restarted at once with the same
     * directory: the restarted process waits out its predecessor's request interval ({@code <ledgerDir>/quota}), so the
     * emulator answers no 429. A JVM takes seconds to start, longer than NCLUE's 1-second interval, so the quota here
     * is one request per {@link #SLOW} on both sides, longer than a restart; a third life started without the quota
     * file shows the 429 that the file prevents.
     */
    @Test
    void aRestartedSingleProcessMeetsNo429() throws Exception {
        emulator = NclueEmulator.builder().statusStep(STEP).quotaPerSecond(1.0 / SLOW.toSeconds()).build().start();
        DemoData.seed(emulator);
        Map<String, String> slow = Map.of("camel.component.nclue.requests-per-second",
                String.valueOf(1.0 / SLOW.toSeconds()));

        Runner first = start("first", "single", slow);
        runners.add(first);
        await("the first life's first request").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .failFast("the first life died", () -> !first.process().isAlive())
                .until(() -> emulator.stats().quotaCounted() >= 1);
        assertTrue(first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS));
        assertEquals(1, emulator.stats().quotaCounted(), "killed right after its request");

        Runner second = start("second", "single", slow);
        runners.add(second);
        await("the second life's first request").atMost(SLOW.plusSeconds(30))
                .failFast("the second life died", () -> !second.process().isAlive())
                .until(() -> emulator.stats().quotaCounted() >= 2);
        assertTrue(second.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(workDir.resolve("single/ledger/quota")), "the quota is kept in the ledger directory");
        assertEquals(0, emulator.stats().quotaExceeded(), "no 429 across both lives: " + emulator.stats().snapshot());
        Duration gap = emulator.stats().shortestGap();
        assertTrue(gap.compareTo(SLOW.minusMillis(25)) >= 0, "the restarted process waited out the interval: " + gap);

        // control: the same restart without the remembered quota sends early and is refused
        Files.delete(workDir.resolve("single/ledger/quota"));
        Runner third = start("third", "single", slow);
        runners.add(third);
        await("the third life's first request").atMost(Duration.ofSeconds(60))
                .failFast("the third life died", () -> !third.process().isAlive())
                .until(() -> emulator.stats().quotaCounted() >= 3);
        assertTrue(emulator.stats().quotaExceeded() >= 1, "without the quota file the restart meets a 429 (else this "
                                                          + "test proves nothing: " + emulator.stats().snapshot() + ")");
        assertNoKeyInTheLogs();
    }

    private Map<String, String> clusterService(ClusterService cluster) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        switch (cluster) {
            case FILE_LOCK -> {
                settings.put("camel.beans.nclueCluster",
                        "#class:org.apache.camel.component.file.cluster.FileLockClusterService");
                settings.put("camel.beans.nclueCluster.root", workDir.resolve("cluster").toString());
                // seconds
                settings.put("camel.beans.nclueCluster.acquireLockInterval", "1");
                settings.put("camel.beans.nclueCluster.acquireLockDelay", "1");
            }
            case ZOOKEEPER -> {
                // tick 500 ms: the server accepts sessions from 1 s, so a killed leader's session ends in seconds
                zooKeeper = new TestingServer(new InstanceSpec(workDir.resolve("zookeeper").toFile(), -1, -1, -1, true,
                        -1, 500, -1), true);
                settings.put("camel.beans.nclueCluster",
                        "#class:org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService");
                settings.put("camel.beans.nclueCluster.nodes", zooKeeper.getConnectString());
                settings.put("camel.beans.nclueCluster.basePath", "/nclue");
                // milliseconds; Curator warns of a connect timeout longer than the session
                settings.put("camel.beans.nclueCluster.sessionTimeout", "5000");
                settings.put("camel.beans.nclueCluster.connectTimeout", "5000");
            }
            default -> throw new IllegalArgumentException(cluster.name());
        }
        return settings;
    }

    /**
     * Starts the shipped runner in its own JVM: the key pair in the environment (never on a command line or in a
     * log), the rest as the system properties the runner reads; its own directory under the instance's name.
     */
    private Runner start(String life, String instance, Map<String, String> extra) throws IOException {
        Path dir = workDir.resolve(instance);
        Map<String, String> settings = new LinkedHashMap<>(ChainSettings.forEmulator(emulator, PREFIX, dir));
        settings.remove("camel.component.nclue.access-key");
        settings.remove("camel.component.nclue.secret-key");
        settings.put("nclue.runner.timeout-seconds", "120");
        settings.put("nclue.audit-dir", dir.resolve("audit").toString());
        settings.put("nclue.routes-dir", ChainSettings.ROUTES.toString());
        settings.put("camel.main.routes-include-pattern", "file:" + ChainSettings.ROUTES + "/*.yaml,"
                                                          + "classpath:audit/audit-routes.yaml");
        settings.putAll(extra);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // three JVMs start at once on a small machine: the quick JIT only, for a shorter start
                "-XX:TieredStopAtLevel=1",
                // the leadership changes, which name the leader
                "-Dorg.slf4j.simpleLogger.log.io.github.camelnclue.tracking.JobLeadership=info",
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(NclueRunner.class.getName());
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("runner.log").toFile()));
        builder.environment().put("NCP_ACCESS_KEY", emulator.accessKey());
        builder.environment().put("NCP_SECRET_KEY", emulator.secretKey());
        builder.environment().remove("NCLUE_JOB_PREFIX");
        return new Runner(life, builder.start(), dir);
    }

    private Optional<String> emittedIdOf(String resource) {
        return allEmitted().stream().filter(l -> l.startsWith(resource + " ")).map(l -> l.split(" ")[1]).findFirst();
    }

    private List<String> allEmitted() {
        return runners.stream().flatMap(r -> r.emitted().stream()).toList();
    }

    /**
     * Each change emitted once across the instances; each instance emitted a job's changes in the emulator's order,
     * and the survivors went on with the task where the killed leader stopped; every job up to its completion.
     */
    private void assertEmittedOnceEach(String taskId, Runner killed, List<Runner> survivors) {
        List<String> all = allEmitted();
        assertEquals(all.stream().distinct().toList(), all, "no change emitted twice");
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (String line : all) {
            byId.computeIfAbsent(line.split(" ")[1], id -> new ArrayList<>()).add(line.split(" ")[3]);
        }
        assertEquals(3, byId.size(), "one feature, one task, one run: " + all);
        byId.forEach((id, statuses) -> {
            List<String> history = emulator.statusHistory(id).stream().map(StatusChange::status).toList();
            for (Runner runner : runners) {
                List<String> own = statusesOf(runner, id);
                assertTrue(Subsequence.of(own, history),
                        runner.name() + " emitted " + own + " of " + id + ", " + history);
            }
            assertTrue(statuses.contains("completed"), id + " emitted its completion: " + statuses);
        });
        List<String> history = emulator.statusHistory(taskId).stream().map(StatusChange::status).toList();
        List<String> before = statusesOf(killed, taskId);
        List<String> after = survivors.stream().flatMap(r -> statusesOf(r, taskId).stream()).toList();
        assertFalse(before.isEmpty() || after.isEmpty(), "the task's changes came from both: " + before + after);
        assertTrue(history.indexOf(before.get(before.size() - 1)) < after.stream().mapToInt(history::indexOf).min()
                .getAsInt(), "the survivors went on where the killed leader stopped: " + before + " then " + after);
        assertEquals("completed", after.get(after.size() - 1), "a survivor emitted the task's completion");
    }

    private static List<String> statusesOf(Runner runner, String id) {
        return runner.emitted().stream().filter(l -> l.split(" ")[1].equals(id)).map(l -> l.split(" ")[3]).toList();
    }

    private long count(String logged) {
        return runners.stream().mapToLong(r -> r.logText().lines().filter(l -> l.contains(logged)).count()).sum();
    }

    private void assertNoKeyInTheLogs() {
        for (Runner runner : runners) {
            String log = runner.logText();
            assertFalse(log.contains(emulator.secretKey()), "the secret key is in the log of " + runner.name());
            assertFalse(log.contains(emulator.accessKey()), "the access key is in the log of " + runner.name());
        }
    }

    private String lastStatus(String id) {
        List<StatusChange> history = emulator.statusHistory(id);
        return history.isEmpty() ? null : history.get(history.size() - 1).status();
    }
}
