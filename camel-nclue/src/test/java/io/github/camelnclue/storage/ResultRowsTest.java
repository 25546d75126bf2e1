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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import io.github.camelnclue.exception.ResultLineTooLongException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultRowsTest {

    @Test
    void linesAndRowsWithKoreanTextCrLfAndEmptyLines() {
        String tsv = "user-1\t0.5\t서울특별시\n\r\nuser-2\t\t반려동물\r\n\nuser-3\t0.25\t\n";
        assertEquals(List.of("user-1\t0.5\t서울특별시", "user-2\t\t반려동물", "user-3\t0.25\t"), all(tsv, false, 1, 64));
        assertEquals(List.of(List.of("user-1", "0.5", "서울특별시"), List.of("user-2", "", "반려동물"),
                List.of("user-3", "0.25", "")), all(tsv, true, 1, 3));
    }

    @Test
    void lastLineWithoutNewlineAndEmptyInput() {
        assertEquals(List.of("a", "b"), all("a\nb", false, 1, 1));
        assertEquals(List.of(), all("", false, 1, 1));
        assertEquals(List.of(), all("\n\r\n", true, 1, 1));
    }

    @Test
    void batchesHoldUpToTheBatchSize() {
        ResultRows rows = rows("1\n2\n3\n4\n5\n", false, 2, 100);
        assertEquals(List.of("1", "2"), rows.next());
        assertEquals(List.of("3", "4"), rows.next());
        assertEquals(List.of("5"), rows.next());
        assertFalse(rows.hasNext());
        assertThrows(NoSuchElementException.class, rows::next);
        assertEquals(5, rows.getRowCount());
    }

    @Test
    void matchesLineSplittingForRandomTextReadInOddChunks() {
        Random random = new Random(7);
        String[] pieces = { "a", "bc", "\t", "\n", "\r\n", "한글", "😀", "\u00ff\u0080", "x".repeat(70_000), "",
            "abcdefgh\t", "0123456\n" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        List<Object> expectedLines = new ArrayList<>();
        List<Object> expectedRows = new ArrayList<>();
        for (String line : text.toString().split("\n", -1)) {
            String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!stripped.isEmpty()) {
                expectedLines.add(stripped);
                expectedRows.add(Arrays.asList(stripped.split("\t", -1)));
            }
        }
        for (int chunk : new int[] { 1, 5, 4096, 1 << 20 }) {
            assertEquals(expectedLines, all(text.toString(), false, 1, chunk), "chunk " + chunk);
            assertEquals(expectedRows, all(text.toString(), true, 1, chunk), "chunk " + chunk);
        }
    }

    @Test
    void closingEarlyClosesTheStream() {
        boolean[] closed = new boolean[1];
        InputStream in = new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ResultRows rows = new ResultRows(in, false, 1);
        assertEquals("a", rows.next());
        rows.close();
        assertTrue(closed[0]);
    }

    @Test
    void aLineLongerThanTheLimitFailsNamingTheLineAndTheObject() {
        String tsv = "a\n" + "x".repeat(100) + "\r\nb\n";
        ResultRows rows = new ResultRows(chunked(tsv, 7), false, 1, 99, "s3://b/k.tsv");
        assertEquals("a", rows.next());

        ResultLineTooLongException e = assertThrows(ResultLineTooLongException.class, rows::next);

        assertTrue(e.getMessage().contains("line 2 of s3://b/k.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("resultMaxLineLength (99 bytes)"), e.getMessage());
        // exactly the limit, CR not counted
        assertEquals(List.of("x".repeat(100), "b"), drain(new ResultRows(chunked(tsv.substring(2), 3), false, 1, 100,
                "s3://b/k.tsv")));
    }

    @Test
    void anEndlessLineFailsWithoutGrowingTheBufferWithoutBound() {
        boolean[] closed = new boolean[1];
        long[] served = new long[1];
        // "binary" data without a single newline, far more than the heap could hold as one line
        InputStream noNewlines = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'z';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'z');
                served[0] += len;
                return len;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ResultRows rows = new ResultRows(noNewlines, true, 1000, ResultRows.DEFAULT_MAX_LINE_LENGTH, "s3://b/big.gz");

        ResultLineTooLongException e = assertThrows(ResultLineTooLongException.class, rows::hasNext);

        assertTrue(e.getMessage().contains("line 1 of s3://b/big.gz"), e.getMessage());
        assertTrue(served[0] < 3L * ResultRows.DEFAULT_MAX_LINE_LENGTH, "read " + served[0]);
        assertTrue(closed[0], "the stream is closed");
    }

    private static List<Object> drain(ResultRows rows) {
        List<Object> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }

    private static InputStream chunked(String text, int chunk) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<Object> all(String text, boolean columns, int batch, int chunk) {
        ResultRows rows = rows(text, columns, batch, chunk);
        List<Object> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }

    /** Rows over a stream that hands out at most {@code chunk} bytes per read, to cross buffer boundaries. */
    private static ResultRows rows(String text, boolean columns, int batch, int chunk) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        return new ResultRows(in, columns, batch);
    }
}
