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
package io.github.camelnclue.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The active faults, consulted in the order they were added; the first match with uses left applies.
 */
public final class Faults {

    /** An active fault and how many more requests it applies to ({@link Fault#UNLIMITED} for always). */
    public record Active(Fault fault, int remaining) {
    }

    private final List<Active> active = new ArrayList<>();

    public synchronized Faults add(Fault fault) {
        active.add(new Active(fault, fault.times()));
        return this;
    }

    public synchronized void clear() {
        active.clear();
    }

    public synchronized List<Active> active() {
        return List.copyOf(active);
    }

    /** Consumes one use of the first matching fault; called by the HTTP front for every {@code /api} request. */
    public synchronized Optional<Fault> take(String method, String path) {
        for (int i = 0; i < active.size(); i++) {
            Active a = active.get(i);
            if (a.fault().matches(method, path)) {
                if (a.remaining() == Fault.UNLIMITED) {
                    return Optional.of(a.fault());
                }
                if (a.remaining() <= 1) {
                    active.remove(i);
                } else {
                    active.set(i, new Active(a.fault(), a.remaining() - 1));
                }
                return Optional.of(a.fault());
            }
        }
        return Optional.empty();
    }
}
