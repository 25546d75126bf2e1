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

import java.time.Instant;

/**
 * Where a task run's result file actually is.
 *
 * @param bucket the Object Storage bucket
 * @param key    the object key (NCLUE's {@code result_file_path} plus its {@code _{random}_{yyyymmddhh}.tsv} suffix)
 * @param size         the object size in bytes
 * @param eTag         the object's ETag (reads send it as If-Match, so a changed object is never mixed with the old
 *                     one), or null when the server gave none
 * @param lastModified when the object was written, or null
 */
public record ResultObject(String bucket, String key, long size, String eTag, Instant lastModified) {

    public ResultObject(String bucket, String key, long size) {
        this(bucket, key, size, null, null);
    }

    /** {@code s3://bucket/key}, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
