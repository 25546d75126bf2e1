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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Writes a result file row by row, never holding it: one row per user of a feature, or, when a synthetic row count
 * is set (benchmarks), users {@code user-1 … user-n}. Each row is the user id followed by the columns a
 * {@link Columns} appends from a hash of (seed, user), so the same seed and user always give the same row.
 */
final class ScoredRows {

    @FunctionalInterface
    interface Columns {
        /** Appends the row's columns after the user id, each starting with a tab. */
        void append(StringBuilder line, long userHash);
    }

    /** One score column, {@code \t0.734201}. */
    static final Columns SCORE = (line, userHash) -> {
        line.append('\t');
        Scores.appendScore(line, userHash);
    };

    private final FeatureFiles files;
    private final LongSupplier syntheticRows;

    /** @param syntheticRows negative: one row per user of the feature; else that many synthetic rows */
    ScoredRows(FeatureFiles files, LongSupplier syntheticRows) {
        this.files = files;
        this.syntheticRows = syntheticRows;
    }

    /** @return the number of rows written */
    long write(Path file, FeatureJob feature, long seed, Columns columns) throws IOException {
        StringBuilder line = new StringBuilder(64);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long synthetic = syntheticRows.getAsLong();
            if (synthetic >= 0) {
                for (long i = 1; i <= synthetic; i++) {
                    line.setLength(0);
                    line.append("user-").append(i);
                    columns.append(line, Scores.hash(seed, i));
                    out.append(line).append('\n');
                }
                return synthetic;
            }
            long[] rows = { 0 };
            List<String> keys = files.keys(feature.sourceBucket(), feature.sourceFilePath());
            files.forEachRow(feature.sourceBucket(), keys, (userId, tokens) -> {
                line.setLength(0);
                line.append(userId);
                columns.append(line, Scores.hash(seed, userId));
                try {
                    out.append(line).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
            return rows[0];
        }
    }
}
