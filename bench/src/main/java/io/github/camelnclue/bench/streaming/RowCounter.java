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

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;

/**
 * Counts the result rows a streaming split hands to the route, and the rows without the expected column count.
 */
public final class RowCounter implements Counter {

    private final boolean batched;
    private final boolean columns;
    private final LongAdder rows = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    /**
     * @param batched each split element is a list of rows
     * @param columns each row is a list of columns (resultFormat=rows), not a line
     */
    public RowCounter(boolean batched, boolean columns) {
        this.batched = batched;
        this.columns = columns;
    }

    @Override
    public void process(Exchange exchange) {
        count(exchange.getMessage().getBody());
    }

    /** Counts one split element: a row, or a batch of rows. */
    void count(Object body) {
        if (batched) {
            List<?> batch = (List<?>) body;
            rows.add(batch.size());
            for (Object row : batch) {
                check(row);
            }
        } else {
            rows.increment();
            check(body);
        }
    }

    private void check(Object row) {
        boolean ok = columns ? row instanceof List<?> list && list.size() == ResultFileWriter.COLUMNS
                : row instanceof String;
        if (!ok) {
            malformed.increment();
        }
    }

    @Override
    public long rows() {
        return rows.sum();
    }

    @Override
    public long malformed() {
        return malformed.sum();
    }

    @Override
    public void reset() {
        rows.reset();
        malformed.reset();
    }
}
