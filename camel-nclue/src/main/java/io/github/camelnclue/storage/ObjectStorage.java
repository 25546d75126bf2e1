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
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.camelnclue.exception.ObjectStorageException;
import io.github.camelnclue.exception.ResultNotFoundException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
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
    private final String endpoint;

    /**
     * @param owned whether {@link #close()} closes the client (not for a client the user supplied)
     */
    public ObjectStorage(S3Client s3, boolean owned) {
        this.s3 = s3;
        this.owned = owned;
        this.endpoint = endpointOf(s3);
    }

    /** For messages: the endpoint the client was built with. */
    private static String endpointOf(S3Client s3) {
        try {
            return s3.serviceClientConfiguration().endpointOverride().map(URI::toString)
                    .orElse("the S3 client's default endpoint");
        } catch (RuntimeException e) {
            // a client that does not describe itself (a test double, a wrapper)
            return "the configured S3 client";
        }
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
        Optional<HeadObjectResponse> exact = head(bucket, resultFilePath);
        if (exact.isPresent()) {
            return new ResultObject(bucket, resultFilePath, exact.get().contentLength(), exact.get().eTag(),
                    exact.get().lastModified());
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
                S3Object found = newest.get();
                return new ResultObject(bucket, found.key(), found.size(), found.eTag(), found.lastModified());
            }
        }
        throw new ResultNotFoundException(bucket, resultFilePath);
    }

    /**
     * Opens the object from {@code offset} (0 for all of it); the caller closes the stream. The read is conditional on
     * the object's ETag (If-Match), so bytes of a different object written under the same key since {@link #locate}
     * fail the read (HTTP 412) instead of being mixed in.
     */
    public InputStream open(ResultObject object, long offset) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        if (object.eTag() != null) {
            request.ifMatch(object.eTag());
        }
        return call("GET", object.bucket(), object.key(), () -> s3.getObject(request.build()));
    }

    /**
     * Downloads the object into {@code directory} as {@code fileName} (null: the key's last segment) and publishes it
     * there atomically; see {@link ResultDownload}.
     */
    public Path download(ResultObject object, Path directory, String fileName) throws IOException {
        String name = fileName != null ? fileName : object.key().substring(object.key().lastIndexOf('/') + 1);
        return new ResultDownload(this, object).to(directory, name);
    }

    /** Lines in a downloaded result: newlines, plus one for a last line without one. */
    public static long countLines(Path file) throws IOException {
        return ResultDownload.countLines(file);
    }

    private Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(call("HEAD", bucket, key, () -> s3.headObject(b -> b.bucket(bucket).key(key))));
        } catch (ObjectStorageException e) {
            if (e.getCause() instanceof NoSuchKeyException
                    || e.getStatusCode() == 404 && !"NoSuchBucket".equals(e.getErrorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<S3Object> list(String bucket, String prefix) {
        List<S3Object> all = new ArrayList<>();
        String marker = null;
        ListObjectsResponse page;
        do {
            ListObjectsRequest.Builder request = ListObjectsRequest.builder().bucket(bucket).prefix(prefix);
            if (marker != null) {
                request.marker(marker);
            }
            page = call("LIST", bucket, prefix + "*", () -> s3.listObjects(request.build()));
            all.addAll(page.contents());
            marker = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
        } while (Boolean.TRUE.equals(page.isTruncated()) && marker != null);
        return all;
    }

    /** Runs one S3 request; its failure becomes an {@link ObjectStorageException} that says what to check. */
    private <T> T call(String operation, String bucket, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            AwsErrorDetails details = e.awsErrorDetails();
            String code = details != null ? details.errorCode() : null;
            String message = details != null ? details.errorMessage() : null;
            throw new ObjectStorageException(operation, endpoint, bucket, key, e.statusCode(), code, message, e);
        } catch (SdkClientException e) {
            throw new ObjectStorageException(operation, endpoint, bucket, key, 0, null, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (owned) {
            s3.close();
        }
    }
}
