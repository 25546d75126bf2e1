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

import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;

/**
 * Counts the lines of the peer's split groups: {@code tokenize("\n", 1000)} hands each group as one String of up to
 * 1000 lines joined by newlines. Counting newlines is less than a user would do (split it into lines), so the peer's
 * figure is a lower bound.
 */
public final class TokenizedLinesCounter implements Counter {

    private final LongAdder rows = new LongAdder();

    @Override
    public void process(Exchange exchange) {
        String group = exchange.getMessage().getBody(String.class);
        if (group == null || group.isEmpty()) {
            return;
        }
        long lines = 1;
        for (int i = group.indexOf('\n'); i >= 0; i = group.indexOf('\n', i + 1)) {
            lines++;
        }
        if (group.charAt(group.length() - 1) == '\n') {
            lines--;
        }
        rows.add(lines);
    }

    @Override
    public long rows() {
        return rows.sum();
    }

    @Override
    public long malformed() {
        return 0;
    }

    @Override
    public void reset() {
        rows.reset();
    }
}
