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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runner's choices that the end-to-end tests do not see, because they pass every setting themselves. */
class NclueRunnerTest {

    @Test
    void theRoutesReadTheirOwnApplicationProperties() {
        assertEquals(absolute(ChainSettings.ROUTES.resolve("application.properties")),
                absolute(NclueRunner.properties(ChainSettings.ROUTES)));
    }

    @Test
    void theChainWithWaitsSharesTheChainsApplicationProperties() {
        assertEquals(absolute(ChainSettings.ROUTES.resolve("application.properties")),
                absolute(NclueRunner.properties(ChainSettings.ROUTES.resolve("examples"))));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
