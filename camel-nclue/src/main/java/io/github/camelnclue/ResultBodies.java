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
package io.github.camelnclue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.camelnclue.storage.ResultRows;

/**
 * The body of a result in the configured resultFormat, the same for every result: a task run's or custom-attributes
 * profile's TSV from Object Storage (getResult) and a shopping intent's TSV from NCLUE (download). Never a byte array:
 * rows and lines are lazy iterators, so a streaming split runs in constant memory.
 */
final class ResultBodies {

    /** Opens the result from its start. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Writes the result to a local file and returns it. */
    @FunctionalInterface
    interface Saver {
        Path save() throws IOException;
    }

    private ResultBodies() {
    }

    /** The result as the configured format; the reader closes a stream (ResultRows closes itself at its end). */
    static Object body(NclueConfiguration config, Opener opener, Saver saver) throws IOException {
        return switch (config.getResultFormat()) {
            case rows -> new ResultRows(opener.open(), true, config.getResultBatchSize());
            case lines -> new ResultRows(opener.open(), false, config.getResultBatchSize());
            case stream -> opener.open();
            case file -> saver.save().toFile();
        };
    }

    /**
     * Writes a downloaded result to {@code target} through a {@code .part} file moved into place when complete, so a
     * reader never sees half a file (an API download cannot be resumed: it is written again from the start).
     */
    static Path save(InputStream result, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = result; OutputStream out = Files.newOutputStream(part)) {
            in.transferTo(out);
        }
        return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
