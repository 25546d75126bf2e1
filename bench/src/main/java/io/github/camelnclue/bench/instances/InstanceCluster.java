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
package io.github.camelnclue.bench.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.bench.status.RunFleet;

/**
 * The instance JVMs of one setup: one PostgreSQL database and one cluster directory, all on one emulator and key.
 */
final class InstanceCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final List<InstanceProcess> instances;

    private InstanceCluster(List<InstanceProcess> instances) {
        this.instances = instances;
    }

    /**
     * Starts {@code count} instances and returns once each is up and exactly one leads.
     *
     * @param arguments {@link InstanceMain}'s options, the same for every instance
     */
    static InstanceCluster start(String label, int count, List<String> arguments, String accessKey, String secretKey,
                                 Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        List<InstanceProcess> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = label + "-" + i;
            started.add(InstanceProcess.start(name, arguments, accessKey, secretKey, logs.resolve(name + ".log")));
        }
        InstanceCluster cluster = new InstanceCluster(started);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        if (!poll(() -> started.stream().allMatch(p -> p.count(Type.READY) > 0 || !p.isAlive()), deadline)
                || started.stream().anyMatch(p -> !p.isAlive())) {
            cluster.close();
            throw new IllegalStateException("instances did not start: see the logs in " + logs);
        }
        if (!poll(() -> cluster.alive().stream().filter(InstanceProcess::leads).count() == 1, deadline)) {
            cluster.close();
            throw new IllegalStateException("no single leader among " + started + ": see the logs in " + logs);
        }
        return cluster;
    }

    List<InstanceProcess> alive() {
        return instances.stream().filter(InstanceProcess::isAlive).toList();
    }

    Optional<InstanceProcess> leader() {
        return alive().stream().filter(InstanceProcess::leads).findFirst();
    }

    /** Parks a wait for each run, dealt round-robin over the instances alive; returns who got which. */
    List<InstanceProcess> park(List<RunFleet.Run> runs) {
        List<InstanceProcess> to = alive();
        List<InstanceProcess> holders = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            InstanceProcess holder = to.get(i % to.size());
            holder.park(runs.get(i).name(), runs.get(i).id());
            holders.add(holder);
        }
        return holders;
    }

    long count(Type type) {
        return instances.stream().mapToLong(p -> p.count(type)).sum();
    }

    List<InstanceEvent> events() {
        List<InstanceEvent> all = new ArrayList<>();
        instances.forEach(p -> all.addAll(p.events()));
        return all;
    }

    /** Waits on {@code runIds} that ended (or failed) in the route of an instance {@code which} accepts. */
    long endedWaits(Set<String> runIds, Predicate<String> which) {
        return events().stream().filter(e -> e.type() == Type.ENDED || e.type() == Type.FAILED)
                .filter(e -> which.test(e.instance()) && runIds.contains(e.runId())).count();
    }

    /** Runs of {@code runIds} whose terminal change reached a consumer route. */
    long endsConsumed(Set<String> runIds) {
        return events().stream().filter(e -> e.type() == Type.CHANGE && ChangeLatencies.TERMINAL.contains(e.status()))
                .filter(e -> runIds.contains(e.runId())).map(InstanceEvent::runId).distinct().count();
    }

    /** Polls {@code condition} every 50 ms until it holds (true) or {@code deadline} passes (false). */
    static boolean poll(BooleanSupplier condition, Instant deadline) throws InterruptedException {
        return poll(condition, deadline, 50);
    }

    static boolean poll(BooleanSupplier condition, Instant deadline, long everyMillis) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(everyMillis);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        for (InstanceProcess instance : instances) {
            instance.quit(20);
        }
    }
}
