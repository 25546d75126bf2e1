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
package io.github.camelnclue.emulator.dataforest;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DataForest's id and time formats: 22-character base62 ids, and timestamps with milliseconds and the KST offset
 * ({@code 2024-11-26T11:48:16.123+09:00}), as in the API's samples.
 */
final class DataForestFormats {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter TIMESTAMP
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(9));

    private DataForestFormats() {
    }

    static String base62Id() {
        return random(BASE62, 22);
    }

    static String lowerAlphanumeric(int length) {
        return random(LOWER_ALNUM, length);
    }

    /** DataForest reports "not finished" as the epoch, as in the submit sample. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant == null ? Instant.EPOCH : instant);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
