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
package io.github.camelnclue.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import software.amazon.awssdk.core.ResponseInputStream;

/**
 * Reads a result object ahead on another thread while the route parses what arrived: the download and the parsing
 * overlap instead of taking turns. A fixed set of buffers cycles between the reader and the consumer, so memory stays
 * at {@code buffers × bufferSize} and nothing is allocated per chunk. Closing stops the reader and aborts the source.
 */
public final class PrefetchingInputStream extends InputStream {

    /** A filled buffer, the end of the object, or the reader's failure. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
    }

    private static final Chunk END = new Chunk(null, -1, null);

    private final InputStream source;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private final Future<?> reader;
    private Chunk current;
    private int position;
    private volatile boolean closed;

    /**
     * @param executor where the reader runs (a Camel-managed pool of the component)
     */
    public PrefetchingInputStream(InputStream source, ExecutorService executor, int buffers, int bufferSize) {
        this.source = source;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.filled = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
        this.reader = executor.submit(this::readAhead);
    }

    private void readAhead() {
        try {
            while (!closed) {
                byte[] buffer = free.take();
                int length = source.readNBytes(buffer, 0, buffer.length);
                if (length > 0) {
                    filled.put(new Chunk(buffer, length, null));
                }
                if (length < buffer.length) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting for a free buffer
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // offer(), not put(): the queue always has room for one more, and a closed consumer takes nothing
            filled.offer(new Chunk(null, -1, e));
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the result stream is closed");
        }
        if (current == END) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (current == null || position == current.length()) {
            next();
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, into, offset, n);
        position += n;
        return n;
    }

    private void next() throws IOException {
        if (current != null && current.bytes() != null) {
            free.add(current.bytes());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the result");
        }
        position = 0;
        if (current.failure() != null) {
            Throwable failure = current.failure();
            current = END;
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        reader.cancel(true);
        if (current != END && source instanceof ResponseInputStream<?> response) {
            // a reader blocked in a socket read is not woken by an interrupt: dropping the connection does
            response.abort();
        }
        source.close();
    }
}
