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
package io.github.camelnclue.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    @Test
    void labelsCoverFeatureUsersWithEnoughOfEachLabel() {
        Set<String> users = new HashSet<>();
        for (String line : DemoData.features().split("\n")) {
            String[] cols = line.split("\t");
            assertEquals(2, cols.length, line);
            assertTrue(cols[1].split(" ").length >= 3);
            users.add(cols[0]);
        }
        assertEquals(DemoData.USERS, users.size());
        for (String labels : List.of(DemoData.labels(1, DemoData.TRAIN_USERS),
                DemoData.labels(DemoData.TRAIN_USERS + 1, DemoData.TEST_USERS))) {
            int[] counts = new int[2];
            for (String line : labels.split("\n")) {
                String[] cols = line.split("\t");
                assertTrue(users.contains(cols[0]), cols[0]);
                counts[Integer.parseInt(cols[1])]++;
            }
            assertTrue(counts[0] >= 100 && counts[1] >= 100);
        }
    }

    @Test
    void mainOptionsAndBanner() {
        NclueEmulatorMain.Options options = new NclueEmulatorMain.Options(new String[] { "--port=0", "--seed" });
        assertEquals("0", options.get("port", "15080"));
        assertEquals("15090", options.get("s3-port", "15090"));
        assertTrue(options.flag("seed"));
        assertEquals(1500, NclueEmulatorMain.duration("1500").toMillis());
        assertEquals(2000, NclueEmulatorMain.duration("PT2S").toMillis());
        try (NclueEmulator emu = NclueEmulator.builder().build().start()) {
            String banner = NclueEmulatorMain.banner(emu, DemoData.seed(emu));
            // the base URL exactly as the component's nclueEndpoint option takes it (it adds /api/v1 itself)
            assertTrue(banner.contains("nclueEndpoint         : " + emu.nclueEndpoint() + "\n"), banner);
            assertTrue(banner.contains("dataForestEndpoint    : " + emu.dataForestEndpoint() + "\n"), banner);
            assertTrue(banner.contains(emu.s3Endpoint()));
            assertTrue(banner.contains("kr-standard"));
            assertTrue(banner.contains(NclueEmulator.DEFAULT_SECRET_KEY));
            assertTrue(emu.objectStorage().listKeys(DemoData.BUCKET, "labels/").size() == 2);
        }
    }
}
