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
package io.github.camelnclue.client;

import java.util.regex.Pattern;

import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.CreateFeatureRequest;
import io.github.camelnclue.model.CreateTaskRequest;
import io.github.camelnclue.model.CreateTaskRunRequest;
import io.github.camelnclue.model.SubmitAiAppRequest;

/**
 * The documented input rules of NCLUE and DataForest, checked before a request is sent so a bad value fails fast with
 * the field and the rule instead of a round trip and an HTTP 4xx.
 */
public final class RequestValidator {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PAGE_LIMIT = 100;
    public static final int MAX_DATAFOREST_ID_LENGTH = 22;

    /**
     * Characters NCLUE refuses in Object Storage paths: the English pages list these; the Korean page drops {@code =}
     * but adds space, so both are refused (docs/ncp-api.md 2.1).
     */
    static final String FORBIDDEN_PATH_CHARACTERS = "&$@=;:+,?*\\{}^%`[]<>~#|\"' ";

    // ids go into URL paths: no separators, dots, encodings or query characters
    private static final Pattern PATH_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private RequestValidator() {
    }

    public static void validate(CreateFeatureRequest request) {
        requireName("name", request.name());
        requireText("source_bucket", request.sourceBucket());
        requirePath("source_file_path", request.sourceFilePath());
    }

    public static void validate(CreateTaskRequest request) {
        requireName("name", request.name());
        requireText("train_feature_id", request.trainFeatureId());
        requireText("train_bucket", request.trainBucket());
        requirePath("train_file_path", request.trainFilePath());
        if (request.testFilePath() != null) {
            requirePath("test_file_path", request.testFilePath());
        }
    }

    public static void validate(CreateTaskRunRequest request) {
        requireName("name", request.name());
        requireText("task_id", request.taskId());
        requireText("feature_id", request.featureId());
        requireText("result_bucket", request.resultBucket());
        requirePath("result_file_path", request.resultFilePath());
    }

    public static void validate(SubmitAiAppRequest request) {
        requireDataForestId("aiWorkspaceId", request.aiWorkspaceId());
        requireText("namePrefix", request.namePrefix());
        int length = request.namePrefix().length();
        if (length < 2 || length > 8) {
            throw new NclueValidationException(
                    "namePrefix", "must be 2 to 8 characters but has " + length + ": '" + request.namePrefix() + "'");
        }
        requireText("queueName", request.queueName());
        requirePresent("data", request.data());
        requirePresent("docker", request.docker());
        requireText("docker.image", request.docker().image());
        requirePresent("resource", request.resource());
    }

    /** NCLUE list paging: {@code index} is an offset from 0, {@code limit} 1 to 100. */
    public static void validatePage(int index, int limit) {
        if (index < 0) {
            throw new NclueValidationException("index", "must be >= 0 but was " + index);
        }
        if (limit < 1 || limit > MAX_PAGE_LIMIT) {
            throw new NclueValidationException("limit", "must be 1 to " + MAX_PAGE_LIMIT + " but was " + limit);
        }
    }

    /** An id that will be put into a URL path. */
    public static String requirePathSafeId(String field, String id) {
        requireText(field, id);
        if (!PATH_SAFE_ID.matcher(id).matches()) {
            throw new NclueValidationException(
                    field, "must be 1 to 128 letters, digits, '-' or '_' to be safe in a URL path but was '"
                           + printable(id) + "'");
        }
        return id;
    }

    /** A DataForest id (AI app, workspace or account): at most 22 characters. */
    public static String requireDataForestId(String field, String id) {
        requireText(field, id);
        if (id.length() > MAX_DATAFOREST_ID_LENGTH) {
            throw new NclueValidationException(
                    field, "must be at most " + MAX_DATAFOREST_ID_LENGTH + " characters but has " + id.length());
        }
        return id;
    }

    public static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new NclueValidationException(field, "is required");
        }
    }

    private static void requirePresent(String field, Object value) {
        if (value == null) {
            throw new NclueValidationException(field, "is required");
        }
    }

    private static void requireName(String field, String name) {
        requireText(field, name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new NclueValidationException(
                    field, "must be 1 to " + MAX_NAME_LENGTH + " characters but has " + name.length());
        }
    }

    private static void requirePath(String field, String path) {
        requireText(field, path);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 32 || c > 127 || FORBIDDEN_PATH_CHARACTERS.indexOf(c) >= 0) {
                throw new NclueValidationException(
                        field, "must not contain " + describe(c) + " at position " + i
                               + " (forbidden: " + FORBIDDEN_PATH_CHARACTERS.strip()
                               + " space, ASCII 0-31 and 128-255, so no non-ASCII) but was '" + printable(path) + "'");
            }
        }
    }

    private static String describe(char c) {
        return c == ' ' ? "a space" : c < 32 || c > 126 ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(120).forEach(cp -> {
            if (cp < 32 || cp == 127) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return value.length() > 120 ? sb + "..." : sb.toString();
    }
}
