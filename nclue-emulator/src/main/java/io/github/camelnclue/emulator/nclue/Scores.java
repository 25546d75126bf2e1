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
package io.github.camelnclue.emulator.nclue;

/**
 * Deterministic pseudo-model output: the same (task, user) always gets the same score, without any state.
 */
final class Scores {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Scores() {
    }

    static long hash(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** Hash of a seed followed by a user id, without building a combined String per row. */
    static long hash(long seed, CharSequence userId) {
        long h = seed;
        for (int i = 0; i < userId.length(); i++) {
            h ^= userId.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    static long hash(long seed, long n) {
        return mix(seed ^ mix(n));
    }

    /**
     * Appends a score in [0, 1] with six decimals, e.g. {@code 0.734201}; hand-formatted because
     * {@code String.format} per row dominates the cost of a 1.2M-row result.
     */
    static void appendScore(StringBuilder out, long hash) {
        long micros = (hash >>> 1) % 1_000_001L;
        if (micros == 1_000_000L) {
            out.append("1.000000");
            return;
        }
        out.append("0.");
        String digits = Long.toString(micros);
        for (int i = digits.length(); i < 6; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** SplitMix64 finalizer: spreads FNV's weak low bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
