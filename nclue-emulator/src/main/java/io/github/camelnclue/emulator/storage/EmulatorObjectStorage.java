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
package io.github.camelnclue.emulator.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * In-process access to the emulator's Object Storage (the BlobStore behind the embedded S3 server): what seeders
 * and tests need, and what NCLUE jobs use to read inputs and write results. Objects written here are visible through
 * the S3 endpoint and vice versa.
 */
public final class EmulatorObjectStorage {

    private final BlobStore blobStore;

    EmulatorObjectStorage(BlobStore blobStore) {
        this.blobStore = blobStore;
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String bucket) {
        if (!bucketExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    public boolean bucketExists(String bucket) {
        return blobStore.containerExists(bucket);
    }

    public void putObject(String bucket, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        put(bucket, key, new ByteArrayInputStream(bytes), bytes.length);
    }

    public void putObject(String bucket, String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            put(bucket, key, in, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spools the stream to a temporary file first: the store needs the length up front, the heap must not. */
    public void putObject(String bucket, String key, InputStream content) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("nclue-emulator-put-", ".tmp");
            Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
            putObject(bucket, key, tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    public boolean exists(String bucket, String key) {
        return size(bucket, key) >= 0;
    }

    /** @return the object's size in bytes, or -1 when the bucket or object does not exist */
    public long size(String bucket, String key) {
        if (!bucketExists(bucket)) {
            return -1;
        }
        HeadObjectResponse head = blobStore.blobMetadataIfPresent(bucket, key);
        return head == null ? -1 : head.contentLength();
    }

    /** The object's content as a stream; the caller closes it. */
    public InputStream open(String bucket, String key) {
        return blobStore.getBlob(bucket, key);
    }

    public String readString(String bucket, String key) {
        try (InputStream in = open(bucket, key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All keys starting with {@code prefix} (empty or {@code null} for all), in key order. */
    public List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        if (!bucketExists(bucket)) {
            return keys;
        }
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).maxKeys(1000);
            if (prefix != null && !prefix.isEmpty()) {
                request.prefix(prefix);
            }
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = blobStore.list(request.build());
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** The underlying S3Proxy BlobStore, for anything this helper does not cover. */
    public BlobStore blobStore() {
        return blobStore;
    }

    private void put(String bucket, String key, InputStream in, long length) {
        blobStore.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length).build(), in);
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // temp file: the OS cleans up eventually
            }
        }
    }
}
