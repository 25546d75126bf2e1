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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelnclue.client.SharedQuota;

/**
 * The quota of a process that owns its ledger directory, remembered across restarts: after each reply the instant the
 * key's next request may go is written to {@code <ledgerDirectory>/quota}, so a process restarted by its supervisor
 * does not send within the interval of its predecessor's last request. The claim is written too, before the request
 * goes, marked {@code claimed}, for a predecessor killed before its reply: when that request reached the server is
 * unknown (a cold JVM's first request can take most of a second from claim to server), only that it was before the
 * successor opened the ledger, as the predecessor's connection died with it and the ledger's lock was free only then.
 * So the successor waits one interval from when it read the file.
 * <p>
 * The instants are wall-clock time (the monotonic clock restarts with the JVM). Thread safe.
 */
public final class FileSharedQuota implements SharedQuota {

    /** The third field of a key's line while its request is in flight. */
    private static final String CLAIMED = "claimed";

    private final Path file;
    private final Clock clock;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    // claimed and not released yet; written with the claim
    private final Set<String> inFlight = new HashSet<>();
    // the predecessor's requests in flight when it died; their successor's first claim waits an interval from loaded
    private final Set<String> orphaned = new HashSet<>();
    private final Instant loaded;

    /** Reads the file: construct it only once this process owns the ledger directory (after the ledger started). */
    public FileSharedQuota(Path file) {
        this(file, Clock.systemUTC());
    }

    FileSharedQuota(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.loaded = clock.instant();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split(" ");
                    if (fields.length == 2 || fields.length == 3 && CLAIMED.equals(fields[2])) {
                        nextAllowed.put(fields[0], Instant.parse(fields[1]));
                        if (fields.length == 3) {
                            orphaned.add(fields[0]);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable file costs at most one early request, which the server's 429 and our retry absorb
            nextAllowed.clear();
            orphaned.clear();
        }
    }

    @Override
    public synchronized Duration claim(String key, Duration interval, Duration lease) {
        Instant at = nextAllowed.get(key);
        if (orphaned.remove(key)) {
            // the predecessor's request reached the server at the latest when this process opened the ledger
            Instant bound = loaded.plus(interval);
            at = at == null || at.isBefore(bound) ? bound : at;
            nextAllowed.put(key, at);
        }
        Instant now = clock.instant();
        if (at == null || !now.isBefore(at)) {
            // written before the request goes, for a successor of a process killed mid-request
            nextAllowed.put(key, now.plus(interval));
            inFlight.add(key);
            write();
            return Duration.ZERO;
        }
        return Duration.between(now, at);
    }

    @Override
    public synchronized void release(String key, Duration interval) {
        nextAllowed.put(key, clock.instant().plus(interval));
        inFlight.remove(key);
        write();
    }

    private void write() {
        String text = nextAllowed.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + (inFlight.contains(e.getKey()) ? " " + CLAIMED : ""))
                .collect(Collectors.joining("\n", "", "\n"));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // a process kill keeps written pages; rename makes the file whole or old, never torn
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the request quota file " + file, e);
        }
    }
}
