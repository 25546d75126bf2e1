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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The batches of a {@link ResultRows} decoded ahead on a reader thread while the route processes the ones before:
 * turning UTF-8 into Java strings is most of a result's cost, and it then overlaps the route's own work instead of
 * taking turns with it. At most {@code ahead} batches wait decoded, so memory stays bounded; a failure of the read (a
 * line too long, a broken connection) is thrown here, on the route's thread, as the same exception.
 * <p>
 * Only the decoder touches the rows, and it closes them when it ends: {@link #close()} interrupts it, which ends a
 * wait for room or for the next bytes of the object.
 */
public final class BatchesAhead implements Iterator<Object>, Closeable {

    /** The end of the result, or the decoder's failure. */
    private record End(RuntimeException failure) {
    }

    private final ResultRows rows;
    private final BlockingQueue<Object> decoded;
    private final Future<?> decoder;
    private Object next;
    private boolean finished;
    private long rowCount;

    /**
     * @param rows     batches of rows or lines (a batch size above 1: single rows would cost more to hand over than to
     *                 decode)
     * @param executor where the decoder runs (a Camel-managed pool of the component)
     * @param ahead    how many decoded batches may wait
     */
    public BatchesAhead(ResultRows rows, ExecutorService executor, int ahead) {
        this.rows = rows;
        this.decoded = new ArrayBlockingQueue<>(ahead);
        try {
            this.decoder = executor.submit(this::decode);
        } catch (RejectedExecutionException e) {
            rows.close();
            throw e;
        }
    }

    private void decode() {
        try {
            RuntimeException failure = null;
            try {
                while (rows.hasNext()) {
                    decoded.put(rows.next());
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            decoded.put(new End(failure));
        } catch (InterruptedException e) {
            // closed while waiting for room
            Thread.currentThread().interrupt();
        } finally {
            rows.close();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            Object taken;
            try {
                taken = decoded.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the result", e);
            }
            if (taken instanceof End end) {
                finished = true;
                if (end.failure() != null) {
                    throw end.failure();
                }
            } else {
                next = taken;
            }
        }
        return next != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object batch = next;
        next = null;
        rowCount += batch instanceof List<?> list ? list.size() : 1;
        return batch;
    }

    /** Rows handed out so far: after a split over this iterator, the number of result rows. */
    public long getRowCount() {
        return rowCount;
    }

    @Override
    public void close() {
        finished = true;
        next = null;
        decoder.cancel(true);
    }
}
