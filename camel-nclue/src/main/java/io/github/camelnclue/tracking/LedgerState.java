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
package io.github.camelnclue.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnclue.model.JobKind;

/**
 * The state of a {@link FileJobLedger}: an {@link InMemoryJobLedger} changed only by events (JSON objects, one per
 * journal line). Each event carries the time it happened, and the in-memory ledger reads its clock from the event
 * being applied, so replaying the journal rebuilds exactly the state (timestamps included) that was acknowledged.
 * Not thread safe: the file ledger serializes calls.
 */
final class LedgerState {

    static final String INTENT = "intent";
    static final String FORGET = "forget";
    static final String FORGET_JOB = "forgetJob";
    static final String JOB = "job";
    static final String STATUS = "status";
    static final String EMITTED = "emitted";
    static final String CONSUMER = "consumer";
    static final String PRUNE = "prune";
    /** A whole job in one line (intent or job, its statuses and emitted counts): what a snapshot is made of. */
    static final String SNAPSHOT_JOB = "snap";

    private final ObjectMapper mapper = new ObjectMapper();
    /** Tells the time of the event being applied. */
    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final InMemoryJobLedger ledger = new InMemoryJobLedger(clock);
    /** Whether a replayed line carried a plain scope (with the access key), which the state holds hashed. */
    private boolean plainScopes;

    InMemoryJobLedger view() {
        return ledger;
    }

    /**
     * Whether the journal replayed carried scopes in the plain form of before scopes were hashed: then the state holds
     * them hashed ({@link AccountScope#migrated(String)}) and only a rewrite of the journal takes the keys off disk.
     */
    boolean hadPlainScopes() {
        return plainScopes;
    }

    ObjectNode intent(Instant at, String scope, JobKind kind, String name) {
        return event(INTENT, at, scope, kind).put("name", name);
    }

    ObjectNode forget(Instant at, String scope, JobKind kind, String name) {
        return event(FORGET, at, scope, kind).put("name", name);
    }

    ObjectNode forgetJob(Instant at, String scope, JobKind kind, String id) {
        return event(FORGET_JOB, at, scope, kind).put("id", id);
    }

    ObjectNode job(Instant at, String scope, JobKind kind, String name, String id, String recordJson) {
        return event(JOB, at, scope, kind).put("name", name).put("id", id).put("record", recordJson);
    }

    ObjectNode status(Instant at, String scope, JobKind kind, String id, String status, String recordJson) {
        return event(STATUS, at, scope, kind).put("id", id).put("status", status).put("record", recordJson);
    }

    ObjectNode emitted(Instant at, String consumerId, String scope, JobKind kind, String id, int count) {
        return event(EMITTED, at, scope, kind).put("consumer", consumerId).put("id", id).put("count", count);
    }

    ObjectNode consumer(Instant at, String consumerId, String scope, JobKind kind, boolean replay) {
        return event(CONSUMER, at, scope, kind).put("consumer", consumerId).put("replay", replay);
    }

    /** Retention: the scope and kind of a prune event are not used (it prunes every kind). */
    ObjectNode prune(Instant at, Instant terminalBefore) {
        return event(PRUNE, at, "*", JobKind.TASK_RUNS).put("before", terminalBefore.toString());
    }

    String toLine(ObjectNode event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a ledger event as JSON", e);
        }
    }

    /** Parses and applies one journal line, a plain scope in it {@link AccountScope#migrated(String) hashed}. */
    void applyLine(String line) throws JsonProcessingException {
        JsonNode event = mapper.readTree(line);
        String stored = required(event, "scope");
        String scope = AccountScope.migrated(stored);
        if (!scope.equals(stored)) {
            plainScopes = true;
            ((ObjectNode) event).put("scope", scope);
        }
        apply(event);
    }

    /**
     * Applies an event to the in-memory ledger.
     *
     * @return what the ledger method returned: for a status, whether it was appended
     */
    boolean apply(JsonNode event) {
        String type = text(event, "e");
        String scope = required(event, "scope");
        JobKind kind = JobKind.fromUriName(required(event, "kind"));
        Instant at = instant(event, "at");
        clock.set(at);
        switch (type == null ? "" : type) {
            case INTENT -> {
                ledger.recordIntent(scope, kind, required(event, "name"));
                return true;
            }
            case FORGET -> {
                ledger.forgetIntent(scope, kind, required(event, "name"));
                return true;
            }
            case FORGET_JOB -> {
                String id = required(event, "id");
                ledger.forget(scope, kind, id);
                return true;
            }
            case JOB -> {
                ledger.recordJob(scope, kind, required(event, "name"), text(event, "id"), text(event, "record"));
                return true;
            }
            case STATUS -> {
                return ledger.recordStatus(scope, kind, required(event, "id"), text(event, "status"),
                        text(event, "record"));
            }
            case EMITTED -> {
                ledger.markEmitted(required(event, "consumer"), scope, kind, required(event, "id"),
                        event.path("count").asInt());
                return true;
            }
            case CONSUMER -> {
                return ledger.registerConsumer(required(event, "consumer"), scope, kind,
                        event.path("replay").asBoolean());
            }
            case SNAPSHOT_JOB -> {
                applySnapshotJob(event, scope, kind);
                return true;
            }
            case PRUNE -> {
                return ledger.prune(Instant.parse(required(event, "before"))) > 0;
            }
            default -> throw new IllegalArgumentException("Unknown ledger event: " + type);
        }
    }

    /**
     * Events that rebuild the current state from nothing: the content of a compacted journal. The known consumers
     * first (replaying from nothing), then one line per job with its statuses and what each consumer emitted, so a
     * restart reads one line a job. Pruned jobs are gone from the state, so from the snapshot too.
     */
    List<ObjectNode> snapshot() {
        List<ObjectNode> events = new ArrayList<>();
        List<ObjectNode> orphans = new ArrayList<>();
        ledger.forEachConsumer((consumerId, scope, kind, emitted) -> {
            events.add(consumer(Instant.EPOCH, consumerId, scope, kind, true));
            emitted.forEach((id, count) -> {
                if (ledger.findById(scope, kind, id).isEmpty()) {
                    orphans.add(emitted(Instant.EPOCH, consumerId, scope, kind, id, count));
                }
            });
        });
        for (TrackedJob job : ledger.allJobs()) {
            ObjectNode line = event(SNAPSHOT_JOB, job.createdAt(), job.scope(), job.kind()).put("name", job.name());
            if (!job.isIntent()) {
                line.put("id", job.id()).put("record", job.recordJson());
                ArrayNode statuses = line.putArray("statuses");
                for (StatusObservation observed : job.statuses()) {
                    statuses.addArray().add(observed.status()).add(nanos(observed.observedAt()));
                }
                ObjectNode emitted = line.putObject("emitted");
                ledger.emittedOf(job.scope(), job.kind(), job.id()).forEach(emitted::put);
            }
            events.add(line);
        }
        events.addAll(orphans);
        return events;
    }

    private void applySnapshotJob(JsonNode event, String scope, JobKind kind) {
        String name = required(event, "name");
        String id = text(event, "id");
        if (id == null) {
            ledger.recordIntent(scope, kind, name);
            return;
        }
        ledger.recordJob(scope, kind, name, id, text(event, "record"));
        for (JsonNode observed : event.path("statuses")) {
            clock.set(instant(observed.get(1)));
            // a null record keeps the one the job line set
            ledger.recordStatus(scope, kind, id, observed.get(0).asText(), null);
        }
        event.path("emitted").fields().forEachRemaining(
                e -> ledger.markEmitted(e.getKey(), scope, kind, id, e.getValue().asInt()));
    }

    /** How many events {@link #snapshot()} would return now, without building them. */
    int snapshotSize() {
        return ledger.snapshotSize();
    }

    private ObjectNode event(String type, Instant at, String scope, JobKind kind) {
        ObjectNode event = mapper.createObjectNode().put("e", type);
        // a snapshot line carries its times as nanoseconds since the epoch: read back without parsing text
        if (SNAPSHOT_JOB.equals(type)) {
            event.put("at", nanos(at));
        } else {
            event.put("at", at.toString());
        }
        return event.put("scope", scope).put("kind", kind.uriName());
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /** A time written as text (ISO-8601) or as nanoseconds since the epoch. */
    private static Instant instant(JsonNode value) {
        if (value != null && value.isIntegralNumber()) {
            long nanos = value.asLong();
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        }
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Ledger event without a time");
        }
        return Instant.parse(value.asText());
    }

    private static Instant instant(JsonNode event, String field) {
        if (event.get(field) == null) {
            throw new IllegalArgumentException("Ledger event without " + field + ": " + event);
        }
        return instant(event.get(field));
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode event, String field) {
        String value = text(event, field);
        if (value == null) {
            throw new IllegalArgumentException("Ledger event without " + field + ": " + event);
        }
        return value;
    }
}
