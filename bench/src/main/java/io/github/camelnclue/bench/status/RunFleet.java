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
package io.github.camelnclue.bench.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;

/**
 * Creates N task runs at random instants (seeded, uniform) within a window, so their later status changes spread out
 * too (every run spends one status step in each status) and fall at no fixed phase of a watcher's cycle. Creations
 * run on a small pool so that a slow reply (the emulator answers a POST in ~40 ms) does not push later ones back. Run
 * with the emulator's quota off.
 */
public final class RunFleet {

    /** A created task run. */
    public record Run(String name, String id) {
    }

    private static final int THREADS = 16;

    private RunFleet() {
    }

    public static List<Run> create(EmulatorApi api, DemoChain chain, String namePrefix, int count, Duration spread)
            throws InterruptedException, ExecutionException {
        SplittableRandom random = new SplittableRandom(count);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(spread.toNanos());
        }
        Arrays.sort(offsets);
        AtomicInteger threads = new AtomicInteger();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(THREADS,
                task -> new Thread(task, "bench-run-fleet-" + threads.incrementAndGet()));
        try {
            List<ScheduledFuture<Run>> pending = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = namePrefix + "-" + i;
                pending.add(pool.schedule(() -> new Run(name, chain.createRun(api, name)), offsets[i],
                        TimeUnit.NANOSECONDS));
            }
            List<Run> runs = new ArrayList<>(count);
            for (ScheduledFuture<Run> run : pending) {
                runs.add(run.get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
