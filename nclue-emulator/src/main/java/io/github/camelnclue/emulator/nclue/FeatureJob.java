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
package io.github.camelnclue.emulator.nclue;

import java.time.Instant;

import io.github.camelnclue.emulator.JobKind;

/**
 * A feature: user behaviour data read from {@code source_bucket/source_file_path}.
 */
final class FeatureJob extends EmulatedJob {

    private final String sourceBucket;
    private final String sourceFilePath;
    private volatile Long userCount;
    private volatile Long tokenCount;
    private volatile Long diskUsage;

    FeatureJob(String id, String name, Instant createdAt, String sourceBucket, String sourceFilePath) {
        super(id, name, createdAt);
        this.sourceBucket = sourceBucket;
        this.sourceFilePath = sourceFilePath;
    }

    @Override
    JobKind kind() {
        return JobKind.FEATURE;
    }

    String sourceBucket() {
        return sourceBucket;
    }

    String sourceFilePath() {
        return sourceFilePath;
    }

    Long userCount() {
        return userCount;
    }

    Long tokenCount() {
        return tokenCount;
    }

    Long diskUsage() {
        return diskUsage;
    }

    void results(long userCount, long tokenCount, long diskUsage) {
        this.userCount = userCount;
        this.tokenCount = tokenCount;
        this.diskUsage = diskUsage;
    }
}
