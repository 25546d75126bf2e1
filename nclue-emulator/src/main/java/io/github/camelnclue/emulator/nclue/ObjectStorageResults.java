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

import java.io.IOException;
import java.nio.file.Path;

import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * Stores a result NCLUE writes to the user's Object Storage: written to a temporary file first (the store needs the
 * length up front, and a large result must not sit in heap), then uploaded, then the temporary file is deleted.
 */
final class ObjectStorageResults {

    @FunctionalInterface
    interface FileWriter {
        /** @return the number of rows written */
        long write(Path file) throws IOException;
    }

    private final EmulatorObjectStorage storage;

    ObjectStorageResults(EmulatorObjectStorage storage) {
        this.storage = storage;
    }

    boolean bucketExists(String bucket) {
        return storage.bucketExists(bucket);
    }

    /** @return the number of rows written */
    long upload(String bucket, String key, FileWriter writer) throws IOException {
        Path tmp = null;
        try {
            tmp = TempFiles.create("result");
            long rows = writer.write(tmp);
            storage.putObject(bucket, key, tmp);
            return rows;
        } finally {
            TempFiles.deleteQuietly(tmp);
        }
    }
}
