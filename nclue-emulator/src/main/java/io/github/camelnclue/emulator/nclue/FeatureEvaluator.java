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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a feature's outcome from its source objects: {@code NOT_EXIST_FILE} when missing or empty,
 * {@code DUPLICATE_USERID} when a user id repeats, else completed with user, token and byte counts.
 */
final class FeatureEvaluator {

    private final FeatureFiles files;

    FeatureEvaluator(FeatureFiles files) {
        this.files = files;
    }

    Outcome evaluate(FeatureJob job) {
        List<String> keys = files.keys(job.sourceBucket(), job.sourceFilePath());
        long bytes = files.totalSize(job.sourceBucket(), keys);
        if (keys.isEmpty() || bytes == 0) {
            return Outcome.failed("NOT_EXIST_FILE");
        }
        Set<String> users = new HashSet<>();
        long[] tokens = { 0 };
        files.forEachRow(job.sourceBucket(), keys, (userId, rest) -> {
            if (!users.add(userId)) {
                throw new JobFailure("DUPLICATE_USERID");
            }
            tokens[0] += countTokens(rest);
        });
        if (users.isEmpty()) {
            return Outcome.failed("NOT_EXIST_FILE");
        }
        long userCount = users.size();
        return Outcome.completed(j -> ((FeatureJob) j).results(userCount, tokens[0], bytes));
    }

    private static long countTokens(String s) {
        long count = 0;
        boolean inToken = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inToken) {
                count++;
            }
            inToken = !space;
        }
        return count;
    }
}
