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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.camelnclue.exception.ObjectStorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultDownloadTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private final FakeS3 s3 = new FakeS3();
    private final ObjectStorage storage = new ObjectStorage(s3, false);

    @Test
    void resumesAPartOfTheSameObjectWithARangeReadConditionalOnItsETag() throws Exception {
        byte[] bytes = rows(5000);
        String eTag = s3.put("b", "r/out.tsv", bytes, WRITTEN);
        ResultObject object = storage.locate("b", "r/out.tsv");
        Path part = dir.resolve("out.tsv." + eTag.replace("\"", "") + ".part");
        Files.write(part, Arrays.copyOf(bytes, 1234));

        Path file = storage.download(object, dir, null);

        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertEquals(List.of(new FakeS3.Get("r/out.tsv", "bytes=1234-", eTag)), s3.gets());
        assertEquals(List.of(file), list());
    }

    @Test
    void aPartOfAnotherObjectUnderTheSameKeyIsNeverContinued() throws Exception {
        byte[] first = rows(5000);
        String oldTag = s3.put("b", "r/out.tsv", first, WRITTEN);
        Files.write(dir.resolve("out.tsv." + oldTag.replace("\"", "") + ".part"), Arrays.copyOf(first, 2000));
        // a re-run wrote a different object of the same size under the same key
        byte[] second = new String(first, StandardCharsets.UTF_8).replace('1', '7').getBytes(StandardCharsets.UTF_8);
        String newTag = s3.put("b", "r/out.tsv", second, WRITTEN.plusSeconds(60));

        Path file = storage.download(storage.locate("b", "r/out.tsv"), dir, null);

        assertArrayEquals(second, Files.readAllBytes(file));
        assertEquals(List.of(new FakeS3.Get("r/out.tsv", null, newTag)), s3.gets(), "downloaded whole, not resumed");
        assertEquals(List.of(dir.resolve("out.tsv")), list(), "the stale part is gone");
    }

    @Test
    void theObjectChangingBetweenLocateAndReadFailsInsteadOfMixingBytes() throws Exception {
        s3.put("b", "k.tsv", rows(100), WRITTEN);
        ResultObject located = storage.locate("b", "k.tsv");
        s3.put("b", "k.tsv", rows(200), WRITTEN.plusSeconds(1));

        ObjectStorageException e = assertThrows(ObjectStorageException.class,
                () -> storage.download(located, dir, null));

        assertEquals(412, e.getStatusCode());
        assertTrue(e.getMessage().contains("changed while it was read"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("k.tsv")), "nothing published");
    }

    @Test
    void aPublishedDownloadIsReturnedWithoutReadingAgain() throws Exception {
        byte[] bytes = rows(300);
        s3.put("b", "k.tsv", bytes, WRITTEN);
        Path first = storage.download(storage.locate("b", "k.tsv"), dir, null);

        Path again = storage.download(storage.locate("b", "k.tsv"), dir, null);

        assertEquals(first, again);
        assertEquals(1, s3.gets().size(), "one GET for both");
        assertEquals(300, ObjectStorage.countLines(again));
        // a different object of the same size and key is downloaded again
        s3.put("b", "k.tsv", new String(bytes, StandardCharsets.UTF_8).replace('2', '9')
                .getBytes(StandardCharsets.UTF_8), WRITTEN.plusSeconds(5));
        Path replaced = storage.download(storage.locate("b", "k.tsv"), dir, null);
        assertEquals(2, s3.gets().size());
        assertFalse(Arrays.equals(bytes, Files.readAllBytes(replaced)));
    }

    @Test
    void forbiddenNamesEndpointBucketKeyAndWhatToCheckButNoSecret() {
        s3.put("results-bucket", "runs/r1.tsv", rows(10), WRITTEN);
        s3.failWith(403, "SignatureDoesNotMatch");

        ObjectStorageException e = assertThrows(ObjectStorageException.class,
                () -> storage.locate("results-bucket", "runs/r1.tsv"));

        assertEquals(403, e.getStatusCode());
        String message = e.getMessage();
        assertTrue(message.contains(FakeS3.ENDPOINT.toString()), message);
        assertTrue(message.contains("s3://results-bucket/runs/r1.tsv"), message);
        assertTrue(message.contains("objectStorageSecretKey"), message);
        assertFalse(message.toLowerCase().contains("secret+"), message);
    }

    @Test
    void notFoundBucketSaysToCheckTheBucketAndRegion() {
        s3.failWith(404, "NoSuchBucket");

        ObjectStorageException e = assertThrows(ObjectStorageException.class, () -> storage.locate("nope", "k"));

        assertTrue(e.getMessage().contains("Check the bucket name"), e.getMessage());
    }

    private List<Path> list() throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static byte[] rows(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append("user-").append(i).append('\t').append(i % 7).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
