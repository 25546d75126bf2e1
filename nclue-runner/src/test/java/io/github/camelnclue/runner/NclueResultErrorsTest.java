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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The shipped chain with a wrong Object Storage secret: the completed run's event fails, the attempt is logged once
 * with the stack trace once, the error says which endpoint, bucket and key failed and what to check, and the runner
 * ends at once with that reason and exit 1 instead of retrying a credential error until its timeout. (The growing
 * delay between attempts of a failing change is the consumer's, asserted in FailedChangeBackoffTest.)
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
    void aForbiddenResultEndsTheChainNamingTheObjectAndWhatToCheck() throws Exception {
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
        assertTrue(runner.waitFor(90, TimeUnit.SECONDS), "the runner ends");
        List<String> lines = Files.readAllLines(log);
        String text = String.join("\n", lines);
        // kept for a look after a failure (the temp dir is deleted)
        Files.copy(log, Path.of("target", getClass().getSimpleName() + "-runner.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, runner.exitValue(), "a credential error ends the chain: " + text);
        String reason = lines.stream().filter(l -> l.contains("The chain cannot go on")).findFirst().orElseThrow();
        assertTrue(reason.contains("HTTP 403") && reason.contains("s3://" + DemoData.BUCKET + "/"), reason);
        assertTrue(lines.stream().anyMatch(l -> ATTEMPT.matcher(l).find()), "the failed attempt is logged: " + text);

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
