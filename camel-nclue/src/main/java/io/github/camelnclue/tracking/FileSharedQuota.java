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
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelnclue.client.SharedQuota;

/**
 * The quota of a process that owns its ledger directory, remembered across restarts: after each reply the instant the
 * key's next request may go is written to {@code <ledgerDirectory>/quota}, so a process restarted by its supervisor
 * does not send within the interval of its predecessor's last request. The claim is written too, before the request
 * goes, for a predecessor killed before its reply.
 * <p>
 * The instants are wall-clock time (the monotonic clock restarts with the JVM). Thread safe.
 */
public final class FileSharedQuota implements SharedQuota {

    private final Path file;
    private final Clock clock;
    private final Map<String, Instant> nextAllowed = new HashMap<>();

    public FileSharedQuota(Path file) {
        this(file, Clock.systemUTC());
    }

    FileSharedQuota(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split(" ");
                    if (fields.length == 2) {
                        nextAllowed.put(fields[0], Instant.parse(fields[1]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable file costs at most one early request, which the server's 429 and our retry absorb
            nextAllowed.clear();
        }
    }

    @Override
    public synchronized Duration claim(String key, Duration interval, Duration lease) {
        Instant at = nextAllowed.get(key);
        Instant now = clock.instant();
        if (at == null || !now.isBefore(at)) {
            // written before the request goes: a successor of a process killed mid-request waits one interval from it
            nextAllowed.put(key, now.plus(interval));
            write();
            return Duration.ZERO;
        }
        return Duration.between(now, at);
    }

    @Override
    public synchronized void release(String key, Duration interval) {
        nextAllowed.put(key, clock.instant().plus(interval));
        write();
    }

    private void write() {
        String text = nextAllowed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
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
