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

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * NCLUE identifier formats: UUIDs for jobs, and the short random part of result file names.
 */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Pattern NCLUE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Ids() {
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static String lowerAlphanumeric(int length) {
        return random(LOWER_ALNUM, length);
    }

    /** Ids are checked before they are used as a key: anything else is a 404, as a gateway path match would be. */
    static boolean isValidNclueId(String id) {
        return id != null && NCLUE_ID.matcher(id).matches();
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
