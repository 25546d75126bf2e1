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
import java.util.Map;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --dry-run: the shipped chain's starting route in dry run, against the emulator, which sees no request at all. */
class NclueRunnerDryRunTest {

    @TempDir
    Path workDir;

    private NclueEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(150)).build().start();
        DemoData.seed(emulator);
        emulator.stats().reset();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void printsWhatTheChainWouldCreateAndSendsNothing() throws Exception {
        Map<String, String> settings = ChainSettings.forEmulator(emulator, "dry", workDir);
        settings.put(NclueRunner.DRY_RUN, "true");

        String outcome = NclueRunner.run(ChainSettings.ROUTES, settings);

        assertTrue(outcome.startsWith("dry run: 1 request(s) would be sent, 0 job(s) adopted: features.create would "
                                      + "send POST " + emulator.nclueEndpoint() + "/api/v1/features"), outcome);
        assertTrue(outcome.contains("\"name\":\"dry-feature\"") && outcome.contains(DemoData.FEATURE_KEY), outcome);
        assertFalse(outcome.contains(emulator.secretKey()), "no secret in what is printed");
        assertEquals(0, emulator.stats().totalRequests(), "nothing sent: no create, and no consumer polled");
        assertFalse(Files.exists(workDir.resolve("out")), "nothing written");
    }

    @Test
    void aNameTheLedgerKnowsIsReportedAsAdopted() throws Exception {
        // a real run first: the ledger then knows the chain's feature
        Map<String, String> real = ChainSettings.forEmulator(emulator, "again", workDir);
        assertTrue(NclueRunner.run(ChainSettings.ROUTES, real).startsWith("completed"));
        emulator.stats().reset();
        Map<String, String> settings = ChainSettings.forEmulator(emulator, "again", workDir);
        settings.put(NclueRunner.DRY_RUN, "true");

        String outcome = NclueRunner.run(ChainSettings.ROUTES, settings);

        assertTrue(outcome.startsWith("dry run: 0 request(s) would be sent, 1 job(s) adopted: features.create would "
                                      + "adopt "), outcome);
        assertEquals(0, emulator.stats().totalRequests());
    }
}
