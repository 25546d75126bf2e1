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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private record ScopeKind(String scope, JobKind kind) {
    }

    private record EmittedKey(String consumerId, String scope, JobKind kind, String id) {
    }

    /** A clock that tells the time of the event being applied. */
    private static final class EventClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventClock clock = new EventClock();
    private final InMemoryJobLedger ledger = new InMemoryJobLedger(clock);
    // the in-memory ledger cannot list everything it holds; these keys let a snapshot enumerate it
    private final Set<ScopeKind> scopes = new LinkedHashSet<>();
    private final Set<EmittedKey> emitted = new LinkedHashSet<>();

    JobLedger view() {
        return ledger;
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

    String toLine(ObjectNode event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a ledger event as JSON", e);
        }
    }

    /** Parses and applies one journal line. */
    void applyLine(String line) throws JsonProcessingException {
        apply(mapper.readTree(line));
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
        Instant at = Instant.parse(required(event, "at"));
        clock.now = at;
        switch (type == null ? "" : type) {
            case INTENT -> {
                ledger.recordIntent(scope, kind, required(event, "name"));
                scopes.add(new ScopeKind(scope, kind));
                return true;
            }
            case FORGET -> {
                ledger.forgetIntent(scope, kind, required(event, "name"));
                return true;
            }
            case FORGET_JOB -> {
                String id = required(event, "id");
                ledger.forget(scope, kind, id);
                emitted.removeIf(key -> key.scope().equals(scope) && key.kind() == kind && key.id().equals(id));
                return true;
            }
            case JOB -> {
                ledger.recordJob(scope, kind, required(event, "name"), text(event, "id"), text(event, "record"));
                scopes.add(new ScopeKind(scope, kind));
                return true;
            }
            case STATUS -> {
                return ledger.recordStatus(scope, kind, required(event, "id"), text(event, "status"),
                        text(event, "record"));
            }
            case EMITTED -> {
                String consumerId = required(event, "consumer");
                String id = required(event, "id");
                ledger.markEmitted(consumerId, scope, kind, id, event.path("count").asInt());
                emitted.add(new EmittedKey(consumerId, scope, kind, id));
                return true;
            }
            default -> throw new IllegalArgumentException("Unknown ledger event: " + type);
        }
    }

    /** Events that rebuild the current state from nothing: the content of a compacted journal. */
    List<ObjectNode> snapshot() {
        List<ObjectNode> events = new ArrayList<>();
        for (ScopeKind sk : scopes) {
            for (TrackedJob job : ledger.jobs(sk.scope(), sk.kind())) {
                if (job.isIntent()) {
                    events.add(intent(job.createdAt(), job.scope(), job.kind(), job.name()));
                    continue;
                }
                events.add(job(job.createdAt(), job.scope(), job.kind(), job.name(), job.id(), job.recordJson()));
                for (StatusObservation observed : job.statuses()) {
                    // a null record keeps the one the job event set
                    events.add(status(observed.observedAt(), job.scope(), job.kind(), job.id(), observed.status(),
                            null));
                }
            }
        }
        for (EmittedKey key : emitted) {
            int count = ledger.emittedCount(key.consumerId(), key.scope(), key.kind(), key.id());
            events.add(emitted(Instant.EPOCH, key.consumerId(), key.scope(), key.kind(), key.id(), count));
        }
        return events;
    }

    private ObjectNode event(String type, Instant at, String scope, JobKind kind) {
        ObjectNode event = mapper.createObjectNode();
        return event.put("e", type).put("at", at.toString()).put("scope", scope).put("kind", kind.uriName());
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
