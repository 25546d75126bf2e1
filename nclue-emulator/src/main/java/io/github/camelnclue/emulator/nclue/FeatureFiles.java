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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * Reads TSV inputs (feature sources and label files) from Object Storage line by line, never whole.
 * <p>
 * A feature's {@code source_file_path} is one object, or with a trailing {@code /} every object under that prefix
 * (nclue-postfeature: "may be a directory when multiple files").
 */
final class FeatureFiles {

    static final int MAX_USER_ID_LENGTH = 100;

    @FunctionalInterface
    interface RowVisitor {
        /** @param key the user id (first column); @param value the rest of the line after the first tab */
        void row(String key, String value);
    }

    private final EmulatorObjectStorage storage;

    FeatureFiles(EmulatorObjectStorage storage) {
        this.storage = storage;
    }

    /** The objects a path denotes; empty when nothing is there. */
    List<String> keys(String bucket, String path) {
        if (!storage.bucketExists(bucket)) {
            return List.of();
        }
        if (path.endsWith("/")) {
            return storage.listKeys(bucket, path).stream().filter(k -> !k.endsWith("/")).toList();
        }
        return storage.exists(bucket, path) ? List.of(path) : List.of();
    }

    long totalSize(String bucket, List<String> keys) {
        return keys.stream().mapToLong(k -> Math.max(0, storage.size(bucket, k))).sum();
    }

    /**
     * Visits every non-blank line as (user id, rest).
     *
     * @throws JobFailure {@code UNEXPECTED_TXT_FORMAT} for a line without a tab or user id,
     *                    {@code LIMIT_ERROR_MID_LENGTH} for a user id over 100 characters,
     *                    {@code OBS_DOWNLOAD_FAILED} when reading fails
     */
    void forEachRow(String bucket, List<String> keys, RowVisitor visitor) {
        for (String key : keys) {
            try (InputStream in = storage.open(bucket, key);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab <= 0) {
                        throw new JobFailure("UNEXPECTED_TXT_FORMAT");
                    }
                    String userId = line.substring(0, tab);
                    if (userId.length() > MAX_USER_ID_LENGTH) {
                        throw new JobFailure("LIMIT_ERROR_MID_LENGTH");
                    }
                    visitor.row(userId, line.substring(tab + 1));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new JobFailure("OBS_DOWNLOAD_FAILED");
            }
        }
    }
}
