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
package io.github.camelnclue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Object Storage in a map, for the getResult tests of this module: the three calls ObjectStorage makes (HEAD, GET,
 * ListObjects v1). The runner's tests read results from the emulator's real S3 server.
 */
final class FakeS3Client implements S3Client {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    FakeS3Client put(String bucket, String key, String content) {
        objects.put(bucket + "/" + key, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        byte[] object = object(request.bucket(), request.key());
        return HeadObjectResponse.builder().contentLength((long) object.length).build();
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
        byte[] object = object(request.bucket(), request.key());
        return new ResponseInputStream<>(GetObjectResponse.builder().contentLength((long) object.length).build(),
                AbortableInputStream.create(new ByteArrayInputStream(object)));
    }

    @Override
    public ListObjectsResponse listObjects(ListObjectsRequest request) {
        String prefix = request.bucket() + "/" + request.prefix();
        List<S3Object> contents = objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> S3Object.builder().key(e.getKey().substring(request.bucket().length() + 1))
                        .size((long) e.getValue().length).lastModified(Instant.EPOCH).build())
                .toList();
        return ListObjectsResponse.builder().contents(contents).isTruncated(false).build();
    }

    private byte[] object(String bucket, String key) {
        byte[] object = objects.get(bucket + "/" + key);
        if (object == null) {
            throw NoSuchKeyException.builder().statusCode(404).message("no such key " + key).build();
        }
        return object;
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
