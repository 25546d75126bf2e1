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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.camelnclue.exception.ResultNotFoundException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads task run results from NCP Object Storage with the AWS SDK v2: path-style addressing, checksums only when
 * required (NCP rejects the SDK's default flexible checksums) and ListObjects v1 (NCP does not support v2).
 */
public final class ObjectStorage implements AutoCloseable {

    private final S3Client s3;
    private final boolean owned;

    /**
     * @param owned whether {@link #close()} closes the client (not for a client the user supplied)
     */
    public ObjectStorage(S3Client s3, boolean owned) {
        this.s3 = s3;
        this.owned = owned;
    }

    public static ObjectStorage create(String endpoint, String region, String accessKey, String secretKey) {
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new ObjectStorage(client, true);
    }

    /**
     * Finds the object a completed task run wrote. NCLUE reports the actual key after completion; when the key given
     * is the requested path instead, the object is found by the documented naming rule:
     * {@code {path}_{random}_{yyyymmddhh}.tsv}, or {@code {path}nclue_{random}_{yyyymmddhh}.tsv} for a path ending in
     * {@code /}; the newest match wins.
     */
    public ResultObject locate(String bucket, String resultFilePath) {
        Optional<Long> exact = size(bucket, resultFilePath);
        if (exact.isPresent()) {
            return new ResultObject(bucket, resultFilePath, exact.get());
        }
        List<String> prefixes = resultFilePath.endsWith("/")
                ? List.of(resultFilePath + "nclue_")
                : resultFilePath.endsWith(".tsv")
                        ? List.of(resultFilePath + "_", resultFilePath.substring(0, resultFilePath.length() - 4) + "_")
                        : List.of(resultFilePath + "_");
        for (String prefix : prefixes) {
            Pattern generated = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9]+_\\d{10}\\.tsv");
            Optional<S3Object> newest = list(bucket, prefix).stream()
                    .filter(o -> generated.matcher(o.key()).matches())
                    .max(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key));
            if (newest.isPresent()) {
                return new ResultObject(bucket, newest.get().key(), newest.get().size());
            }
        }
        throw new ResultNotFoundException(bucket, resultFilePath);
    }

    /** Opens the object from {@code offset} (0 for all of it); the caller closes the stream. */
    public InputStream open(ResultObject object, long offset) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        return s3.getObject(request.build());
    }

    /**
     * Downloads the object into {@code directory}, resuming from a partial download left by an earlier attempt (kept
     * as {@code <name>.part}) with a range GET. A complete file of the right size is not downloaded again.
     */
    public Path download(ResultObject object, Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = object.key().substring(object.key().lastIndexOf('/') + 1);
        Path target = directory.resolve(name);
        if (Files.exists(target) && Files.size(target) == object.size()) {
            return target;
        }
        Path part = directory.resolve(name + ".part");
        long offset = Files.exists(part) ? Files.size(part) : 0;
        if (offset > object.size()) {
            Files.delete(part);
            offset = 0;
        }
        if (offset < object.size()) {
            try (InputStream in = open(object, offset);
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                in.transferTo(out);
            }
        }
        if (Files.size(part) != object.size()) {
            throw new IOException("download of s3://" + object.bucket() + "/" + object.key() + " is incomplete: "
                                  + Files.size(part) + " of " + object.size() + " bytes; run again to resume");
        }
        return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<Long> size(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<S3Object> list(String bucket, String prefix) {
        List<S3Object> all = new java.util.ArrayList<>();
        String marker = null;
        ListObjectsResponse page;
        do {
            ListObjectsRequest.Builder request = ListObjectsRequest.builder().bucket(bucket).prefix(prefix);
            if (marker != null) {
                request.marker(marker);
            }
            page = s3.listObjects(request.build());
            all.addAll(page.contents());
            marker = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
        } while (Boolean.TRUE.equals(page.isTruncated()) && marker != null);
        return all;
    }

    @Override
    public void close() {
        if (owned) {
            s3.close();
        }
    }
}
