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
 * Characters NCLUE refuses in Object Storage paths. The docs disagree (docs/ncp-api.md §2.1): the English pages list
 * {@code & $ @ = ; : + , ? * \ { } ^ % ` [ ] < > ~ # | " '} plus ASCII 0-31 and 128-255, the Korean text drops
 * {@code =} but adds space. The emulator refuses the union, and also every character above 255 (the docs speak of
 * "ASCII codes" only, so non-Latin-1 text is refused too rather than guessed to be fine).
 */
final class PathRules {

    private static final String FORBIDDEN = "&$@=;:+,?*\\{}^%`[]<>~#|\"' ";

    private PathRules() {
    }

    /** @return the index of the first forbidden character, or -1 when the path is acceptable */
    static int firstForbidden(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 31 || c >= 128 || FORBIDDEN.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String describe(char c) {
        return c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
