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
package io.github.camelnclue.emulator.clock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelnclue.emulator.StatusChange;

/**
 * Every status change of every job, kept after deletion so tests can assert on the timeline.
 */
public final class StatusHistory {

    private final Map<String, List<StatusChange>> changes = new ConcurrentHashMap<>();

    public void record(String id, String status, Instant at) {
        changes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(new StatusChange(status, at));
    }

    public List<StatusChange> of(String id) {
        List<StatusChange> list = changes.get(id);
        return list == null ? List.of() : List.copyOf(list);
    }
}
