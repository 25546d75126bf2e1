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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Files NCLUE keeps in its own storage and serves through the API instead of writing them to the user's Object
 * Storage: a shopping intent's {@code {profile_id}.tsv}. They live in a temporary directory of their own (not under
 * the S3 backend's directory, where a sub-directory would show as a bucket), deleted on close.
 */
final class DownloadStore implements AutoCloseable {

    private final Path directory;

    DownloadStore() {
        try {
            this.directory = Files.createTempDirectory("nclue-emulator-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the file of this profile is (or will be) kept. */
    Path fileOf(String profileId) {
        return directory.resolve(profileId + ".tsv");
    }

    void delete(String profileId) {
        TempFiles.deleteQuietly(fileOf(profileId));
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(TempFiles::deleteQuietly);
        } catch (IOException e) {
            // the directory is temporary: the OS cleans up eventually
        }
        TempFiles.deleteQuietly(directory);
    }
}
