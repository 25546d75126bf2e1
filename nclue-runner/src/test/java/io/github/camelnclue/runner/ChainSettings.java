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

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.camelnclue.emulator.NclueEmulator;

/**
 * Runner settings that point the chain in routes/ at an emulator the test owns.
 */
final class ChainSettings {

    static final Path ROUTES = Path.of("../routes");

    private ChainSettings() {
    }

    static Map<String, String> forEmulator(NclueEmulator emulator, String prefix, Path workDir) {
        Map<String, String> settings = new HashMap<>(NclueRunner.emulatorSettings(emulator));
        settings.put("camel.component.nclue.ledger-directory", workDir.resolve("ledger").toString());
        settings.put("camel.component.nclue.status-poll-delay", "200");
        settings.put("camel.component.nclue.retry-initial-delay", "200");
        settings.put("camel.component.nclue.retry-max-delay", "1000");
        settings.put("nclue.job-prefix", prefix);
        // the emulator's AUROC is (0.5, 1), derived from the task name
        settings.put("nclue.min-auroc", "0.5");
        // several batches, so rows from different batches must land on separate lines
        settings.put("nclue.result-batch-size", "300");
        settings.put("nclue.output-dir", workDir.resolve("out").toString());
        settings.put("nclue.runner.timeout-seconds", "60");
        return settings;
    }
}
