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
import java.util.List;

import io.github.camelnclue.emulator.JobKind;

/**
 * A custom attributes profile: how close every user of a feature is to each keyword of a keyword set, written as a
 * TSV to Object Storage like a task run's result.
 */
final class CustomAttributesJob extends EmulatedJob {

    private final String featureId;
    private final String featureName;
    private final List<String> keywords;
    private final String resultBucket;
    private volatile String resultFilePath;
    private volatile Long lineCount;

    CustomAttributesJob(String id, String name, Instant createdAt, String featureId, String featureName,
                        List<String> keywords, String resultBucket, String resultFilePath) {
        super(id, name, createdAt);
        this.featureId = featureId;
        this.featureName = featureName;
        this.keywords = List.copyOf(keywords);
        this.resultBucket = resultBucket;
        this.resultFilePath = resultFilePath;
    }

    @Override
    JobKind kind() {
        return JobKind.CUSTOM_ATTRIBUTES;
    }

    String featureId() {
        return featureId;
    }

    String featureName() {
        return featureName;
    }

    /** The keywords in the order given, each trimmed. */
    List<String> keywords() {
        return keywords;
    }

    String resultBucket() {
        return resultBucket;
    }

    /** The requested path until the profile completes, then the actual object key (with the random/date suffix). */
    String resultFilePath() {
        return resultFilePath;
    }

    Long lineCount() {
        return lineCount;
    }

    void results(String actualResultKey, long lineCount) {
        this.resultFilePath = actualResultKey;
        this.lineCount = lineCount;
    }
}
