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

import java.util.ArrayList;
import java.util.List;

/**
 * A custom attributes profile's {@code keyword_set}: keywords separated by {@code \n}, at most 1,000 characters in
 * all. The limit is counted on the value as sent, separators included, the stricter of the two readings of "in all".
 * Each keyword is trimmed; an empty one (two {@code \n} in a row, or one at either end) is refused rather than
 * guessed to be ignored.
 */
final class KeywordSet {

    static final int MAX_LENGTH = 1000;
    static final String SEPARATOR = "\n";
    /** How replies list the keywords. */
    static final String REPLY_SEPARATOR = ",";

    private KeywordSet() {
    }

    /** @throws io.github.camelnclue.emulator.http.ApiException 400 INVALID_PARAMETER naming {@code keyword_set} */
    static List<String> parse(String keywordSet) {
        int length = keywordSet.codePointCount(0, keywordSet.length());
        if (length > MAX_LENGTH) {
            throw NclueError.INVALID_PARAMETER.exception("keyword_set must be at most " + MAX_LENGTH
                                                         + " characters in all, was " + length);
        }
        List<String> keywords = new ArrayList<>();
        String[] parts = keywordSet.split(SEPARATOR, -1);
        for (int i = 0; i < parts.length; i++) {
            String keyword = parts[i].strip();
            if (keyword.isEmpty()) {
                throw NclueError.INVALID_PARAMETER.exception("keyword_set has an empty keyword at position " + (i + 1)
                                                             + "; keywords are separated by \\n");
            }
            keywords.add(keyword);
        }
        return keywords;
    }

    static String reply(List<String> keywords) {
        return String.join(REPLY_SEPARATOR, keywords);
    }
}
