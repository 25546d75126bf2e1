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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped chain with a wrong Object Storage secret: the completed run's event fails on every attempt and is
 * offered again with a growing delay, each attempt logged once, the stack trace once, and the error says which
 * endpoint, bucket and key failed and what to check.
 */
class NclueResultErrorsTest {

    private static final String WRONG_SECRET = "wrong-0bject-St0rage-secret";
    private static final Pattern ATTEMPT = Pattern.compile(
            "^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*failed \\(attempt (\\d+)\\); it is offered again in (\\d+) ms");

    @TempDir
    Path workDir;

    private NclueEmulator emulator;

    @BeforeEach
    void start() {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        DemoData.seed(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aForbiddenResultIsRetriedWithGrowingGapsAndOneStackTrace() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(ChainSettings.forEmulator(emulator, "forbidden", workDir));
        settings.put("nclue.routes-dir", ChainSettings.ROUTES.toString());
        settings.put("camel.component.nclue.object-storage-secret-key", WRONG_SECRET);
        settings.put("camel.component.nclue.redelivery-delay", "500");
        settings.put("camel.component.nclue.max-redelivery-delay", "2000");
        settings.put("nclue.runner.timeout-seconds", "24");
        Path log = workDir.resolve("runner.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(NclueRunner.class.getName());
        Process runner = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(runner.waitFor(90, TimeUnit.SECONDS), "the runner gives up at its timeout");
        List<String> lines = Files.readAllLines(log);
        String text = String.join("\n", lines);
        // kept for a look after a failure (the temp dir is deleted)
        Files.copy(log, Path.of("target", getClass().getSimpleName() + "-runner.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(2, runner.exitValue(), "the chain did not end: " + text);

        List<LocalTime> at = new ArrayList<>();
        List<Long> announced = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ATTEMPT.matcher(line);
            if (m.find()) {
                assertEquals(at.size() + 1, Integer.parseInt(m.group(2)), "attempts counted: " + line);
                at.add(LocalTime.parse(m.group(1)));
                announced.add(Long.parseLong(m.group(3)));
            }
        }
        assertTrue(at.size() >= 4, "several attempts in the window: " + text);
        assertEquals(List.of(500L, 1000L, 2000L, 2000L), announced.subList(0, 4), "doubling, capped");
        for (int i = 1; i < at.size(); i++) {
            long gap = Duration.between(at.get(i - 1), at.get(i)).toMillis();
            assertTrue(gap >= announced.get(i - 1), "gap " + i + " was " + gap + " ms, announced "
                                                    + announced.get(i - 1) + ": " + at);
        }
        assertTrue(Duration.between(at.get(2), at.get(3)).toMillis()
                   > Duration.between(at.get(0), at.get(1)).toMillis(), "the gaps grow: " + at);

        assertEquals(1, stackTraces(lines), "one stack trace in the whole log (target/" + getClass().getSimpleName() + "-runner.log)");
        String first = lines.stream().filter(l -> l.contains("(attempt 1)")).findFirst().orElseThrow();
        String error = lines.get(lines.indexOf(first) + 1);
        assertTrue(error.startsWith("io.github.camelnclue.exception.ObjectStorageException"), error);
        assertTrue(error.contains("s3://" + DemoData.BUCKET + "/" + DemoData.RESULT_PREFIX), error);
        assertTrue(error.contains(emulator.s3Endpoint()), error);
        assertTrue(error.contains("HTTP 403") && error.contains("objectStorageSecretKey"), error);
        // camel-main's own start-up summary prints objectStorageSecretKey unmasked (its list of sensitive names
        // lacks it); what the component and the routes log must never hold it
        String logged = String.join("\n", lines.stream().filter(l -> !l.contains("BaseMainSupport")).toList());
        assertFalse(logged.contains(WRONG_SECRET), "the secret is never logged");
        assertFalse(logged.contains(emulator.secretKey()), "the secret is never logged");
    }

    /** Stack traces: lines followed by a frame that are neither frames nor "Caused by" continuations. */
    private static long stackTraces(List<String> lines) {
        long traces = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (lines.get(i + 1).startsWith("\tat ") && !line.startsWith("\t") && !line.startsWith("Caused by")) {
                traces++;
            }
        }
        return traces;
    }
}
