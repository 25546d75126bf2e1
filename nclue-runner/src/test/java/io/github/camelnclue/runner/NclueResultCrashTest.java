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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped chain (routes/) in its own JVM, killed with SIGKILL at about 10 %, 50 % and 90 % of writing a
 * 500,000-row result and started again each time: the output holds exactly the result's rows, byte for byte, and
 * each restart continued the download where the killed one stopped. The S3 replies go through a
 * {@link ThrottledProxy}, so each kill lands mid-download.
 */
class NclueResultCrashTest {

    // 11 MB at 4 MB/s: each 10 % of the download takes about 0.3 s, far longer than a kill takes to land
    private static final long ROWS = 500_000;
    private static final long BYTES_PER_SECOND = 4L * 1024 * 1024;

    @TempDir
    Path workDir;

    private NclueEmulator emulator;
    private ThrottledProxy proxy;
    private Process runner;
    private String life;

    @BeforeEach
    void start() throws IOException {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        DemoData.seed(emulator);
        emulator.setResultRows(ROWS);
        proxy = new ThrottledProxy(emulator.s3Endpoint(), BYTES_PER_SECOND);
    }

    @AfterEach
    void stop() throws IOException {
        if (runner != null) {
            runner.destroyForcibly();
        }
        proxy.close();
        emulator.close();
    }

    @Test
    void killedAtTenFiftyAndNinetyPercentTheOutputHoldsEveryRowOnce() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(ChainSettings.forEmulator(emulator, "crash", workDir));
        settings.put("camel.component.nclue.object-storage-endpoint", proxy.url());
        settings.put("nclue.routes-dir", ChainSettings.ROUTES.toString());
        Path out = workDir.resolve("out");
        List<Long> killedAt = new ArrayList<>();
        long size = -1;
        for (double fraction : new double[] { 0.1, 0.5, 0.9 }) {
            runner = startRunner(settings, "life-" + killedAt.size());
            long total = size > 0 ? size : awaitResultSize(out);
            size = total;
            long mark = (long) (total * fraction);
            await("the part file to reach " + fraction).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        assertTrue(runner.isAlive(), () -> "the runner ended early:\n" + log());
                        return partSize(out) >= mark;
                    });
            runner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long partAfterKill = partSize(out);
            assertTrue(partAfterKill >= mark, "killed at " + partAfterKill + ", past " + mark);
            assertTrue(partAfterKill < total, "killed before the download ended: " + partAfterKill + " of " + total);
            killedAt.add(partAfterKill);
        }

        runner = startRunner(settings, "last");
        assertTrue(runner.waitFor(90, TimeUnit.SECONDS), "the last life ends");
        assertEquals(0, runner.exitValue(), () -> "the chain completes:\n" + log());

        List<Path> files = list(out);
        assertEquals(1, files.size(), "one published file, no part left: " + files);
        assertTrue(files.get(0).getFileName().toString().matches("[0-9a-f-]+\\.tsv"), files.toString());
        assertEquals(ROWS, countInOrder(files.get(0)), "every row once, in order");
        assertSameBytesAsTheObject(files.get(0));
        List<Long> resumedFrom = proxy.rangeStarts();
        assertEquals(3, resumedFrom.size(), "each restart resumed with a range GET: " + resumedFrom);
        for (int i = 0; i < 3; i++) {
            assertTrue(resumedFrom.get(i) >= killedAt.get(i), "restart " + (i + 1) + " resumed at "
                                                               + resumedFrom.get(i) + ", killed at " + killedAt.get(i));
        }
        assertTrue(Files.readString(workDir.resolve("last.log")).contains("RESULT run"), "the result was reported");
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve(life + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Process startRunner(Map<String, String> settings, String life) throws IOException {
        this.life = life;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(NclueRunner.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(life + ".log").toFile()).start();
    }

    /**
     * The size of the run's result object. Taken once the runner started the download (a part file exists): the run
     * is completed then, so the object is whole (a listing while the emulator writes it shows a partial size).
     */
    private long awaitResultSize(Path out) {
        await("the download to start").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertTrue(runner.isAlive(), () -> "the runner ended early:\n" + log());
            return partExists(out);
        });
        String key = emulator.objectStorage().listKeys(DemoData.BUCKET, DemoData.RESULT_PREFIX).get(0);
        return emulator.objectStorage().size(DemoData.BUCKET, key);
    }

    private static boolean partExists(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(f -> f.toString().endsWith(".part"));
        }
    }

    private static long partSize(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".part")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Counts the rows, checking they are user-1, user-2, ... each once. */
    private static long countInOrder(Path file) throws IOException {
        long n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (!line.startsWith("user-" + n + "\t")) {
                    throw new AssertionError("row " + n + " is " + line);
                }
            }
        }
        return n;
    }

    private void assertSameBytesAsTheObject(Path file) throws IOException {
        String key = emulator.objectStorage().listKeys(DemoData.BUCKET, DemoData.RESULT_PREFIX).get(0);
        try (InputStream expected = emulator.objectStorage().open(DemoData.BUCKET, key);
             InputStream actual = Files.newInputStream(file)) {
            byte[] a = new byte[1 << 16];
            byte[] b = new byte[1 << 16];
            long offset = 0;
            while (true) {
                int n = expected.readNBytes(a, 0, a.length);
                int m = actual.readNBytes(b, 0, b.length);
                assertEquals(n, m, "length differs after " + offset + " bytes");
                if (n == 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    if (a[i] != b[i]) {
                        throw new AssertionError("byte " + (offset + i) + " differs");
                    }
                }
                offset += n;
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
