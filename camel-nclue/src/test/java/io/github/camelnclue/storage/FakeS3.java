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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An in-memory S3 client for unit tests: objects with ETag and Last-Modified, range and If-Match on GET, a failure
 * to inject on every request, and a record of the GETs and of whether each returned stream was closed.
 */
public final class FakeS3 implements S3Client {

    public static final URI ENDPOINT = URI.create("http://fake-object-storage.test:9000");

    /** One GET as sent. */
    public record Get(String key, String range, String ifMatch) {
    }

    private record Stored(byte[] bytes, String eTag, Instant lastModified) {
    }

    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    private final List<Get> gets = new CopyOnWriteArrayList<>();
    private final List<InputStream> opened = new CopyOnWriteArrayList<>();
    private final Set<InputStream> closed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger version = new AtomicInteger();
    private volatile S3Exception failure;

    /** Stores (or replaces) an object; each put gets a new ETag. */
    public String put(String bucket, String key, byte[] bytes, Instant lastModified) {
        String eTag = "\"etag-" + version.incrementAndGet() + "\"";
        objects.put(bucket + "/" + key, new Stored(bytes, eTag, lastModified));
        return eTag;
    }

    /** Every request from now on fails like Object Storage with this status and error code. */
    public void failWith(int status, String errorCode) {
        failure = (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorCode + " message")
                        .serviceName("S3").build())
                .message(errorCode).build();
    }

    public List<Get> gets() {
        return gets;
    }

    public int openedStreams() {
        return opened.size();
    }

    /** Opened streams closed at least once. */
    public int closedStreams() {
        return closed.size();
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        Stored stored = find(request.bucket(), request.key());
        return HeadObjectResponse.builder().contentLength((long) stored.bytes().length).eTag(stored.eTag())
                .lastModified(stored.lastModified()).build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        gets.add(new Get(request.key(), request.range(), request.ifMatch()));
        Stored stored = find(request.bucket(), request.key());
        if (request.ifMatch() != null && !request.ifMatch().equals(stored.eTag())) {
            throw (S3Exception) S3Exception.builder().statusCode(412)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("PreconditionFailed").build()).build();
        }
        int from = request.range() == null ? 0
                : Integer.parseInt(request.range().substring("bytes=".length(), request.range().length() - 1));
        InputStream in = new ByteArrayInputStream(stored.bytes(), from, stored.bytes().length - from) {
            @Override
            public void close() {
                closed.add(this);
            }
        };
        opened.add(in);
        try {
            return transformer.transform(GetObjectResponse.builder().eTag(stored.eTag())
                    .contentLength((long) stored.bytes().length - from).build(), AbortableInputStream.create(in));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ListObjectsResponse listObjects(ListObjectsRequest request) {
        failIfAsked();
        return ListObjectsResponse.builder().isTruncated(false).build();
    }

    private Stored find(String bucket, String key) {
        failIfAsked();
        Stored stored = objects.get(bucket + "/" + key);
        if (stored == null) {
            throw NoSuchKeyException.builder().statusCode(404).build();
        }
        return stored;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration() {
        return S3ServiceClientConfiguration.builder().endpointOverride(ENDPOINT).build();
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
