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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;

import io.github.camelnclue.storage.ObjectStorage;
import io.github.camelnclue.storage.PrefetchingInputStream;
import io.github.camelnclue.storage.ResultRows;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The body of a result in the configured resultFormat, the same for every result: a task run's or custom-attributes
 * profile's TSV from Object Storage (getResult) and a shopping intent's TSV from NCLUE (download). Never a byte array:
 * rows and lines are lazy iterators, so a streaming split runs in constant memory.
 */
final class ResultBodies {

    private static final int PREFETCH_BUFFERS = 4;
    private static final int PREFETCH_BUFFER_SIZE = 256 * 1024;

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

    /**
     * Sets the result as the configured format on the exchange's message. A file also gets its line count; any other
     * body is closed when the exchange completes, whatever the route did with it, so no connection leaks.
     *
     * @param readers runs the download ahead of the route (rows and lines), so reading and parsing overlap
     * @param source  what errors call the result (its object URI, or the profile)
     */
    static void apply(Exchange exchange, NclueConfiguration config, ExecutorService readers, String source,
                      Opener opener, Saver saver) throws IOException {
        Message message = exchange.getMessage();
        if (config.getResultFormat() == NclueResultFormat.file) {
            Path file = saver.save();
            message.setHeader(NclueConstants.RESULT_LINE_COUNT, ObjectStorage.countLines(file));
            message.setBody(file.toFile());
            return;
        }
        InputStream stream = opener.open();
        Closeable body = switch (config.getResultFormat()) {
            case rows, lines -> new ResultRows(new PrefetchingInputStream(stream, readers, PREFETCH_BUFFERS,
                    PREFETCH_BUFFER_SIZE), config.getResultFormat() == NclueResultFormat.rows,
                    config.getResultBatchSize(), config.getResultMaxLineLength(), source);
            default -> stream;
        };
        exchange.getExchangeExtension().addOnCompletion(new ResultCloser(body));
        message.setBody(body);
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
