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
package io.github.camelnclue.exception;

/**
 * An Object Storage request for a result failed. The message names the endpoint, bucket, key and what to check;
 * never a key or secret.
 */
public class ObjectStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final String bucket;
    private final String key;
    private final int statusCode;
    private final String errorCode;

    /**
     * @param statusCode the HTTP status, or 0 when no reply arrived
     * @param errorCode  the S3 error code (e.g. SignatureDoesNotMatch), or null when the reply had none (HEAD)
     */
    public ObjectStorageException(String operation, String endpoint, String bucket, String key, int statusCode,
                                  String errorCode, String detail, Throwable cause) {
        super("Object Storage " + operation + " s3://" + bucket + "/" + (key != null ? key : "") + " at " + endpoint
              + " failed: " + (statusCode > 0 ? "HTTP " + statusCode + " " : "")
              + (errorCode != null ? errorCode + " " : "") + (detail != null ? "(" + detail + ")" : "")
              + ". " + hint(statusCode, errorCode), cause);
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.key = key;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /** What a user can check for this failure; the README's troubleshooting table has the same rows. */
    static String hint(int statusCode, String errorCode) {
        if ("SignatureDoesNotMatch".equals(errorCode)) {
            return "Check the secret key: objectStorageSecretKey, or secretKey when that is not set.";
        }
        if ("InvalidAccessKeyId".equals(errorCode)) {
            return "Check the access key: objectStorageAccessKey, or accessKey when that is not set.";
        }
        if ("NoSuchBucket".equals(errorCode)) {
            return "Check the bucket name (the task run's resultBucket) and that objectStorageEndpoint and region are"
                   + " the bucket's region.";
        }
        return switch (statusCode) {
            case 0 -> "Check objectStorageEndpoint and the network: no reply arrived.";
            case 403 -> "Check objectStorageAccessKey/objectStorageSecretKey (or accessKey/secretKey when those are not"
                        + " set) and that this key pair may read the bucket.";
            case 404 -> "Check the bucket name (the task run's resultBucket), objectStorageEndpoint and region; the"
                        + " object may have been deleted.";
            case 412 -> "The object changed while it was read (a re-run wrote the same key): run getResult again.";
            default -> statusCode >= 500 ? "Object Storage had an internal error: try again later."
                    : "See the Object Storage error code above.";
        };
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getBucket() {
        return bucket;
    }

    public String getKey() {
        return key;
    }

    /** The HTTP status, or 0 when no reply arrived. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The S3 error code, or null. */
    public String getErrorCode() {
        return errorCode;
    }
}
