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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * NCLUE's time formats. NAVER Cloud is in Korea: timestamps carry the KST offset like the doc samples
 * ({@code 2024-11-26T11:48:16+09:00}).
 */
final class Timestamps {

    static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private static final DateTimeFormatter NCLUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(KST);
    private static final DateTimeFormatter RESULT_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(KST);

    private Timestamps() {
    }

    static String nclue(Instant instant) {
        return instant == null ? null : NCLUE.format(instant);
    }

    static String resultSuffix(Instant instant) {
        return RESULT_SUFFIX.format(instant);
    }
}
