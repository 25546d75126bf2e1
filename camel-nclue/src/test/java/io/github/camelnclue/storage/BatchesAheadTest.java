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

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelnclue.exception.ResultLineTooLongException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches decoded on another thread arrive whole and in order; failures and closing reach across. */
class BatchesAheadTest {

    private final ExecutorService decoders = Executors.newCachedThreadPool(r -> new Thread(r, "test-decoder"));

    @AfterEach
    void stop() throws InterruptedException {
        decoders.shutdownNow();
        assertTrue(decoders.awaitTermination(10, TimeUnit.SECONDS), "the decoder ended");
    }

    @Test
    void everyRowArrivesInOrderInItsBatch() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_007; i++) {
            text.append(i).append("\t가나다").append(i).append('\n');
        }
        BatchesAhead batches = new BatchesAhead(new ResultRows(stream(text.toString()), true, 1000), decoders, 2);

        List<Object> rows = new ArrayList<>();
        while (batches.hasNext()) {
            List<?> batch = (List<?>) batches.next();
            assertTrue(batch.size() == 1000 || !batches.hasNext(), "only the last batch is short: " + batch.size());
            rows.addAll(batch);
        }

        assertEquals(10_007, rows.size());
        assertEquals(10_007, batches.getRowCount());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(List.of(String.valueOf(i), "가나다" + i), rows.get(i));
        }
    }

    @Test
    void aFailureOfTheReadIsThrownOnTheConsumersThreadAfterTheBatchesBeforeIt() {
        String text = "a\nb\nc\n" + "x".repeat(100) + "\n";
        BatchesAhead batches = new BatchesAhead(new ResultRows(stream(text), false, 2, 10, "s3://b/k"), decoders, 2);

        assertEquals(List.of("a", "b"), batches.next());
        assertThrows(ResultLineTooLongException.class, batches::hasNext);
    }

    @Test
    void closingEarlyEndsTheDecoderAndClosesTheStream() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new FilterInputStream(InputStream.nullInputStream()) {
            @Override
            public int read(byte[] into, int offset, int length) {
                byte[] line = "row\n".getBytes(StandardCharsets.UTF_8);
                int n = 0;
                for (; n + line.length <= length; n += line.length) {
                    System.arraycopy(line, 0, into, offset + n, line.length);
                }
                return n;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        BatchesAhead batches = new BatchesAhead(new ResultRows(endless, false, 100), decoders, 2);
        assertEquals(100, ((List<?>) batches.next()).size());

        batches.close();

        await().atMost(Duration.ofSeconds(10)).untilTrue(closed);
        assertFalse(batches.hasNext());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
