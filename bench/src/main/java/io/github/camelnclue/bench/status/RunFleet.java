/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to You under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelnclue.bench.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;

/**
 * Creates N task runs at random instants (seeded, uniform) within a window, so their later status changes spread out
 * too (every run spends one status step in each status) and fall at no fixed phase of a watcher's cycle. Run with the
 * emulator's quota off.
 */
public final class RunFleet {

    /** A created task run. */
    public record Run(String name, String id) {
    }

    private RunFleet() {
    }

    public static List<Run> create(EmulatorApi api, DemoChain chain, String namePrefix, int count, Duration spread)
            throws InterruptedException {
        List<Run> runs = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(count);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(spread.toNanos());
        }
        Arrays.sort(offsets);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + offsets[i];
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String name = namePrefix + "-" + i;
            runs.add(new Run(name, chain.createRun(api, name)));
        }
        return runs;
    }
}
