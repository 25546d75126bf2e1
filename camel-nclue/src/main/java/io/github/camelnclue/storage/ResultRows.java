/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to You under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
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

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A result TSV read lazily, line by line, as lines or as rows of columns, optionally in batches. Nothing is buffered
 * beyond one batch, so a million-line result streams in constant memory; Camel's splitter closes it when done.
 */
public final class ResultRows implements Iterator<Object>, Closeable {

    private final InputStream stream;
    private final BufferedReader reader;
    private final boolean splitColumns;
    private final int batchSize;
    private String nextLine;
    private boolean finished;
    private long rowCount;

    /**
     * @param splitColumns true for rows (lists of the tab-separated columns), false for the lines themselves
     * @param batchSize    1 for one row per element, more for lists of that many rows
     */
    public ResultRows(InputStream stream, boolean splitColumns, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("resultBatchSize must be >= 1 but was " + batchSize);
        }
        this.stream = stream;
        this.reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        this.splitColumns = splitColumns;
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        if (nextLine == null && !finished) {
            nextLine = readLine();
            if (nextLine == null) {
                finished = true;
                close();
            }
        }
        return nextLine != null;
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
        String line = nextLine;
        nextLine = null;
        rowCount++;
        return splitColumns ? Arrays.asList(line.split("\t", -1)) : line;
    }

    private String readLine() {
        try {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isEmpty());
            return line;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("reading the result failed: " + e.getMessage(), e);
        }
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
            reader.close();
        } catch (IOException e) {
            // nothing more to read from it either way
        } finally {
            finished = true;
        }
    }
}
