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

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** routes/examples/shopping-intents under camel-main, end to end against the emulator. */
class ShoppingIntentChainEmulatorTest {

    private static final Path ROUTES = ChainSettings.ROUTES.resolve("examples/shopping-intents");

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
    void downloadsTheShoppingIntentsOfTheTrainedTaskIntoAFile() throws Exception {
        String outcome = NclueRunner.run(ROUTES, ChainSettings.forEmulator(emulator, "intents", workDir));

        assertEquals("completed " + DemoData.USERS + " rows", outcome);
        List<Path> written = NclueChainTest.list(workDir.resolve("out"));
        assertEquals(1, written.size());
        List<String> rows = Files.readAllLines(written.get(0));
        assertEquals(DemoData.USERS, rows.size());
        assertTrue(rows.get(0).matches("user\\d+\\t[01]\\.\\d+"), rows.get(0));
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        assertEquals(1, emulator.stats().created(JobKind.SHOPPING_INTENT));
    }

    @Test
    void aMissingLabelFileEndsTheChainWithTheTasksFailMessage() throws Exception {
        var settings = ChainSettings.forEmulator(emulator, "intents-fail", workDir);
        settings.put("nclue.train-label-path", "labels/missing.tsv");

        String outcome = NclueRunner.run(ROUTES, settings);

        assertEquals("failed tasks NOT_EXIST_FILE", outcome);
        assertEquals(0, emulator.stats().created(JobKind.SHOPPING_INTENT));
    }
}
