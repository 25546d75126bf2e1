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
package io.github.camelnclue.tracking;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal file of a {@link FileJobLedger}: lines of text appended and forced to disk one at a time, read back
 * after a restart, and replaced atomically by a compacted copy. Knows nothing of what the lines mean. Not thread safe:
 * the ledger serializes calls.
 */
final class LedgerJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerJournal.class);

    private final Path file;
    private final Path temp;
    private FileChannel channel;
    private int appended;
    private long lines;

    LedgerJournal(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    Path file() {
        return file;
    }

    /** Lines appended since the journal was last replaced. */
    int appended() {
        return appended;
    }

    /** Sees one line of the journal; {@code last} is true for the last complete line. */
    interface LineHandler {
        void line(String line, boolean last) throws IOException;
    }

    /**
     * Reads the complete lines of the journal, oldest first, without holding the file in memory. A last line without
     * its newline is a write torn by a crash (never acknowledged, since the newline is written with it and then
     * forced), so it is left out.
     *
     * @return false if such a torn line was left out
     */
    boolean read(LineHandler handler) throws IOException {
        lines = 0;
        if (!Files.exists(file)) {
            return true;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
            String previous = null;
            byte[] chunk = new byte[1 << 16];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        current.write(chunk, start, i - start);
                        if (previous != null) {
                            handler.line(previous, false);
                        }
                        previous = current.toString(StandardCharsets.UTF_8);
                        current.reset();
                        lines++;
                        start = i + 1;
                    }
                }
                current.write(chunk, start, n - start);
            }
            if (previous != null) {
                handler.line(previous, true);
            }
            if (current.size() > 0) {
                LOG.warn("Ignoring a torn last line ({} bytes) of the ledger journal {}", current.size(), file);
                return false;
            }
            return true;
        }
    }

    /** Lines in the journal: read at the start, or written by the last replace, plus those appended since. */
    long lines() {
        return lines;
    }

    /** Appends one line and forces it to disk before returning. */
    void append(String line) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        write(channel, line);
        channel.force(false);
        appended++;
        lines++;
    }

    /**
     * Replaces the journal with {@code snapshot}: written to a temporary file in the same directory, forced, then
     * renamed over the journal, so a crash leaves either the old journal or the new one, never a mix.
     */
    void replace(List<String> snapshot) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String line : snapshot) {
                write(out, line);
            }
            out.force(true);
        }
        close();
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
        appended = 0;
        lines = snapshot.size();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }

    private static void write(FileChannel out, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Makes the rename itself durable. Some platforms (Windows) cannot open a directory; they need no such step. */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force the directory of {}: {}", file, e.toString());
        }
    }
}
