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

import java.time.Instant;
import java.util.Optional;

/**
 * What an instance JVM tells the benchmark, one line on its stdout each: {@code @bench TYPE runId status micros}
 * ({@code -} for a field that does not apply; micros since the epoch, taken in the instance when it happened). Both
 * sides use this class, so the format lives in one place.
 *
 * @param instance the instance's name (set by the reader, not sent)
 */
public record InstanceEvent(String instance, Type type, String runId, String status, Instant at) {

    /** The kinds of event. */
    public enum Type {
        /** camel-main started, routes up. */
        READY,
        /** Leadership of the account's task runs changed; status {@code true} or {@code false}. */
        LEADS,
        /** A wait was parked on the poller. */
        PARKED,
        /** A wait ended in the route with the run's final record; status is the run's. */
        ENDED,
        /** A wait failed in the route; status is the exception's simple class name. */
        FAILED,
        /** The consumer route got a status change. */
        CHANGE
    }

    private static final String PREFIX = "@bench ";

    public static String line(Type type, String runId, String status, Instant at) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return PREFIX + type + " " + orDash(runId) + " " + orDash(status) + " " + micros;
    }

    /** The event on {@code line}, or empty for any other output of the instance. */
    public static Optional<InstanceEvent> parse(String instance, String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] fields = line.substring(PREFIX.length()).trim().split(" ");
        if (fields.length != 4) {
            return Optional.empty();
        }
        long micros = Long.parseLong(fields[3]);
        Instant at = Instant.ofEpochSecond(micros / 1_000_000L, micros % 1_000_000L * 1_000L);
        return Optional.of(new InstanceEvent(instance, Type.valueOf(fields[0]), orNull(fields[1]), orNull(fields[2]),
                at));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value.replace(' ', '_');
    }

    private static String orNull(String field) {
        return "-".equals(field) ? null : field;
    }
}
