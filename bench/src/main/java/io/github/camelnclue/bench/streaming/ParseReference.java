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
package io.github.camelnclue.bench.streaming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelnclue.storage.ResultRows;

/**
 * Parsing alone: the result file read from the local disk (the page cache, after the first read) through
 * {@link ResultRows}, batched as the batched variants are, in the measured JVM, without S3, HTTP, the read-ahead or
 * Camel. What a variant costs once the transfer and the route are taken away: the floor of decoding the bytes into
 * strings on one thread.
 */
final class ParseReference {

    static final int BATCH = 1000;

    record Result(long rows, double seconds) {
    }

    private ParseReference() {
    }

    /** @param columns rows (lists of columns) rather than lines */
    static Result run(Path file, boolean columns) throws IOException {
        RowCounter counter = new RowCounter(true, columns);
        long start = System.nanoTime();
        try (ResultRows rows = new ResultRows(Files.newInputStream(file), columns, BATCH)) {
            while (rows.hasNext()) {
                counter.count(rows.next());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (counter.malformed() > 0) {
            throw new IllegalStateException("parsing alone: " + counter.malformed() + " malformed rows");
        }
        return new Result(counter.rows(), seconds);
    }
}
