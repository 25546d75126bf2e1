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

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import io.github.camelnclue.emulator.EmulatorStats;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * One {@code kill -9} ({@code destroyForcibly}) of the leader at a chosen moment, and what followed, measured from the
 * kill: when a survivor said it leads, its first request and first sweep at the emulator, and the first exchange in a
 * survivor's route for a change the emulator made after the kill (which only the new leader's sweeps can have seen).
 */
final class LeaderKill {

    /** When the leader is killed, as the shared quota row shows it. */
    enum Moment {
        /** No request of the leader in flight: the shared quota slot is free. */
        BETWEEN_REQUESTS,
        /** The leader holds the shared quota slot: its request is on the wire, its reply not in. */
        MID_REQUEST
    }

    /** Seconds from the kill; NaN when it did not happen within the timeout. */
    record Result(Moment moment, String killed, boolean slotLeftHeld, double toLeadership, double toFirstRequest,
                  double toFirstSweep, double toFirstDelivered, String firstDelivered) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final NclueEmulator emulator;
    private final RequestLog requests;
    private final LedgerActivity ledger;

    LeaderKill(NclueEmulator emulator, RequestLog requests, LedgerActivity ledger) {
        this.emulator = emulator;
        this.requests = requests;
        this.ledger = ledger;
    }

    Result kill(InstanceCluster cluster, Moment moment) throws Exception {
        InstanceProcess leader = cluster.leader().orElseThrow();
        Instant killedAt;
        Instant goneAt;
        boolean slotLeftHeld;
        try (LedgerActivity.QuotaRow quota = ledger.quotaRow()) {
            // the slot is held for the time of one request (tens of ms): ask often
            InstanceCluster.poll(() -> held(quota) == (moment == Moment.MID_REQUEST), Instant.now().plus(TIMEOUT), 5);
            killedAt = leader.kill();
            goneAt = Instant.now();
            slotLeftHeld = held(quota);
        }
        Predicate<String> survivor = name -> !leader.name().equals(name) && cluster.alive().stream()
                .anyMatch(p -> p.name().equals(name));
        BooleanSupplier recovered = () -> leadsSince(cluster, survivor, killedAt).isPresent()
                                          && requests.firstSweepAfter(goneAt).isPresent()
                                          && firstDelivered(cluster, survivor, killedAt).isPresent();
        InstanceCluster.poll(recovered, Instant.now().plus(TIMEOUT), 100);

        Optional<InstanceEvent> delivered = firstDelivered(cluster, survivor, killedAt);
        return new Result(moment, leader.name(), slotLeftHeld,
                since(killedAt, leadsSince(cluster, survivor, killedAt).map(InstanceEvent::at)),
                since(killedAt, requests.firstAfter(goneAt).map(EmulatorStats.Request::at)),
                since(killedAt, requests.firstSweepAfter(goneAt).map(EmulatorStats.Request::at)),
                since(killedAt, delivered.map(InstanceEvent::at)),
                delivered.map(e -> e.type() + " " + e.status() + " on " + e.instance()).orElse("none"));
    }

    private static boolean held(LedgerActivity.QuotaRow quota) {
        try {
            return quota.held();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shared quota: " + e.getMessage(), e);
        }
    }

    private static Optional<InstanceEvent> leadsSince(InstanceCluster cluster, Predicate<String> survivor,
                                                      Instant killedAt) {
        return cluster.events().stream()
                .filter(e -> e.type() == Type.LEADS && "true".equals(e.status()) && e.at().isAfter(killedAt))
                .filter(e -> survivor.test(e.instance())).findFirst();
    }

    private Optional<InstanceEvent> firstDelivered(InstanceCluster cluster, Predicate<String> survivor,
                                                   Instant killedAt) {
        List<InstanceEvent> events = cluster.events();
        return Stream.of(Type.CHANGE, Type.ENDED)
                .map(type -> new ChangeLatencies(emulator, events, type).firstDeliveredAfter(killedAt, survivor))
                .flatMap(Optional::stream).min((a, b) -> a.at().compareTo(b.at()));
    }

    private static double since(Instant from, Optional<Instant> to) {
        return to.map(at -> ChangeLatencies.seconds(from, at)).orElse(Double.NaN);
    }
}
