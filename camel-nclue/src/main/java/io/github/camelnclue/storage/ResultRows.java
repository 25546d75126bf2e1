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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.github.camelnclue.exception.ResultLineTooLongException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A result TSV read lazily, line by line, as lines or as rows of columns, optionally in batches. Nothing is buffered
 * beyond one batch, so a million-line result streams in constant memory; Camel's splitter closes it when done.
 * <p>
 * Lines end with {@code \n} (or {@code \r\n}); empty lines are skipped. The UTF-8 bytes are split on {@code \n} and
 * {@code \t} before decoding, and each line (or each column) is decoded straight from the byte buffer: no character
 * buffer, no intermediate line for rows, and ASCII columns become compact strings.
 * <p>
 * A line longer than the limit fails the read with {@link ResultLineTooLongException}: the buffer grows to hold one
 * line, and an object without newlines (compressed, binary) must not grow it until the heap is gone.
 */
public final class ResultRows implements Iterator<Object>, Closeable {

    /** The default resultMaxLineLength: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

    private static final int BUFFER_SIZE = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream stream;
    private final boolean splitColumns;
    private final int batchSize;
    private final int maxLineLength;
    private final String source;
    private long lineNumber;
    private byte[] buffer = new byte[BUFFER_SIZE];
    private int start;
    private int scanned;
    private int end;
    private boolean endOfStream;
    private int lastColumnCount = 8;
    private Object nextRow;
    private boolean finished;
    private long rowCount;

    /**
     * @param splitColumns true for rows (lists of the tab-separated columns), false for the lines themselves
     * @param batchSize    1 for one row per element, more for lists of that many rows
     */
    public ResultRows(InputStream stream, boolean splitColumns, int batchSize) {
        this(stream, splitColumns, batchSize, DEFAULT_MAX_LINE_LENGTH, "the result");
    }

    /**
     * @param maxLineLength the longest line accepted, in bytes without the line end
     * @param source        what is read, for messages (e.g. {@code s3://bucket/key})
     */
    public ResultRows(InputStream stream, boolean splitColumns, int batchSize, int maxLineLength, String source) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("resultBatchSize must be >= 1 but was " + batchSize);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("resultMaxLineLength must be >= 1 but was " + maxLineLength);
        }
        this.stream = stream;
        this.splitColumns = splitColumns;
        this.batchSize = batchSize;
        this.maxLineLength = maxLineLength;
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        if (nextRow == null && !finished) {
            nextRow = readRow();
            if (nextRow == null) {
                finished = true;
                close();
            }
        }
        return nextRow != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (batchSize == 1) {
            return take();
        }
        List<Object> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && hasNext()) {
            batch.add(take());
        }
        return batch;
    }

    private Object take() {
        Object row = nextRow;
        nextRow = null;
        rowCount++;
        return row;
    }

    /** The next non-empty line, decoded; null at the end. */
    private Object readRow() {
        try {
            while (true) {
                int newline = indexOf((byte) '\n', scanned, end);
                if (newline >= 0) {
                    lineNumber++;
                    checkLength(newline - start, lineNumber);
                    Object row = decode(start, newline);
                    start = newline + 1;
                    scanned = start;
                    if (row != null) {
                        return row;
                    }
                } else if (endOfStream) {
                    lineNumber++;
                    checkLength(end - start, lineNumber);
                    Object row = decode(start, end);
                    start = end;
                    scanned = end;
                    return row;
                } else {
                    // the line so far, still without its end (+1: its CR may be part of a CRLF)
                    if (end - start > maxLineLength + 1) {
                        checkLength(end - start, lineNumber + 1);
                    }
                    scanned = end;
                    fill();
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("reading the result failed: " + e.getMessage(), e);
        }
    }

    /** Fails a line (without its LF, and CR when it ends in CRLF) longer than the limit. */
    private void checkLength(int length, long line) {
        int withoutCr = length > 0 && buffer[start + length - 1] == '\r' ? length - 1 : length;
        if (withoutCr > maxLineLength) {
            close();
            throw new ResultLineTooLongException(source, line, maxLineLength);
        }
    }

    /**
     * Reads more after {@code end}; when the buffer is full, first moves the unread bytes to the front, or grows the
     * buffer for a line longer than it.
     */
    private void fill() throws IOException {
        if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            } else {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        int read = stream.read(buffer, end, buffer.length - end);
        if (read < 0) {
            endOfStream = true;
        } else {
            end += read;
        }
    }

    /** First {@code value} in {@code buffer[from, to)}, eight bytes at a time (SWAR zero-byte test); -1 if none. */
    private int indexOf(byte value, int from, int to) {
        long pattern = (value & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buffer, i) ^ pattern;
            // the lowest set bit marks the first zero byte, i.e. the first match (little-endian: lowest = earliest)
            long zeros = (word - ONES) & ~word & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The line in {@code buffer[from, to)} without a trailing CR, as a String or a list of columns; null if empty. */
    private Object decode(int from, int to) {
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return null;
        }
        if (!splitColumns) {
            return new String(buffer, from, to - from, StandardCharsets.UTF_8);
        }
        List<String> columns = new ArrayList<>(lastColumnCount);
        int column = from;
        for (int tab = indexOf((byte) '\t', column, to); tab >= 0; tab = indexOf((byte) '\t', column, to)) {
            columns.add(new String(buffer, column, tab - column, StandardCharsets.UTF_8));
            column = tab + 1;
        }
        columns.add(new String(buffer, column, to - column, StandardCharsets.UTF_8));
        lastColumnCount = columns.size();
        return columns;
    }

    /** Rows handed out so far: after a split over this iterator, the number of result rows. */
    public long getRowCount() {
        return rowCount;
    }

    @Override
    public void close() {
        try {
            if (!finished && stream instanceof ResponseInputStream<?> response) {
                // do not read the rest of a large object just to reuse the connection
                response.abort();
            }
            stream.close();
        } catch (IOException e) {
            // nothing more to read from it either way
        } finally {
            finished = true;
            buffer = new byte[0];
            start = 0;
            scanned = 0;
            end = 0;
        }
    }
}
