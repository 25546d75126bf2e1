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
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetchingInputStreamTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void handsOutTheSourceBytesInOrderAcrossBufferBoundaries() throws IOException {
        byte[] bytes = new byte[1_000_003];
        new Random(3).nextBytes(bytes);
        for (int bufferSize : new int[] { 1, 7, 4096, 2_000_000 }) {
            try (InputStream in = new PrefetchingInputStream(new ByteArrayInputStream(bytes), executor, 3,
                    bufferSize)) {
                assertArrayEquals(bytes, in.readAllBytes(), "buffers of " + bufferSize);
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void aReadFailureReachesTheConsumer() {
        InputStream failing = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 'a';
            }
        };
        InputStream in = new PrefetchingInputStream(failing, executor, 2, 1024);

        IOException e = assertThrows(IOException.class, in::readAllBytes);

        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void closingStopsTheReaderAndClosesTheSource() throws Exception {
        CountDownLatch sourceClosed = new CountDownLatch(1);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public void close() {
                sourceClosed.countDown();
            }
        };
        InputStream in = new PrefetchingInputStream(endless, executor, 2, 64);
        assertEquals('x', in.read());

        in.close();

        assertTrue(sourceClosed.await(5, TimeUnit.SECONDS));
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the reader ended");
        assertThrows(IOException.class, () -> in.read(new byte[200], 0, 200));
    }
}
