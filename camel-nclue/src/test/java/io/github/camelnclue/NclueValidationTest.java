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

import java.util.Map;

import io.github.camelnclue.exception.NclueValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented input rule fails before a request is sent, naming the field and the rule. */
class NclueValidationTest extends NclueTestSupport {

    private static final String TASK = "{\"name\":\"t\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\","
                                       + "\"train_file_path\":\"labels/train.tsv\"}";
    private static final String SUBMIT = "{\"aiWorkspaceId\":\"6ZKSGoSJMMwctK257nxgiL\",\"namePrefix\":\"demo\","
                                         + "\"queueName\":\"gpu\",\"data\":{},\"docker\":{\"image\":\"i:1\"},"
                                         + "\"resource\":{}}";

    static java.util.stream.Stream<Arguments> violations() {
        return java.util.stream.Stream.of(
                Arguments.of("nclue:tasks?operation=create", "{}", Map.of(), "name", "is required"),
                Arguments.of("nclue:tasks?operation=create", TASK, Map.of(NclueConstants.NAME, "x".repeat(101)),
                        "name", "must be 1 to 100 characters but has 101"),
                Arguments.of("nclue:tasks?operation=create", TASK,
                        Map.of(NclueConstants.TRAIN_FEATURE_ID, " "), "train_feature_id", "is required"),
                Arguments.of("nclue:tasks?operation=create", TASK,
                        Map.of(NclueConstants.TRAIN_FILE_PATH, "labels/a=b.tsv"), "train_file_path",
                        "must not contain '='"),
                Arguments.of("nclue:tasks?operation=create", TASK,
                        Map.of(NclueConstants.TEST_FILE_PATH, "labels/a b.tsv"), "test_file_path",
                        "must not contain a space"),
                Arguments.of("nclue:tasks?operation=create", TASK,
                        Map.of(NclueConstants.TRAIN_FILE_PATH, "labels/라벨.tsv"), "train_file_path",
                        "must not contain character U+B77C"),
                Arguments.of("nclue:tasks?operation=create", TASK,
                        Map.of(NclueConstants.TRAIN_FILE_PATH, "labels/a\tb.tsv"), "train_file_path",
                        "must not contain character U+0009"),
                Arguments.of("nclue:features?operation=create",
                        "{\"name\":\"f\",\"source_bucket\":\"b\",\"source_file_path\":\"a#b\"}", Map.of(),
                        "source_file_path", "must not contain '#'"),
                Arguments.of("nclue:taskRuns?operation=create",
                        "{\"name\":\"r\",\"task_id\":\"t\",\"feature_id\":\"f\",\"result_bucket\":\"b\","
                                                                + "\"result_file_path\":\"out/r?.tsv\"}",
                        Map.of(), "result_file_path", "must not contain '?'"),
                Arguments.of("nclue:taskRuns?operation=create", "{\"name\":\"r\",\"task_id\":\"t\"}", Map.of(),
                        "feature_id", "is required"),
                Arguments.of("nclue:tasks?operation=list", null, Map.of(NclueConstants.LIMIT, 101), "limit",
                        "must be 1 to 100 but was 101"),
                Arguments.of("nclue:tasks?operation=list", null, Map.of(NclueConstants.INDEX, -1), "index",
                        "must be >= 0"),
                Arguments.of("nclue:tasks?operation=get", null, Map.of(NclueConstants.TASK_ID, "../features"),
                        "task_id", "safe in a URL path"),
                Arguments.of("nclue:taskRuns?operation=delete", null, Map.of(NclueConstants.RUN_ID, "a/b?c"),
                        "run_id", "safe in a URL path"),
                Arguments.of("nclue:features?operation=get", null, Map.of(), "feature_id", "is required"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT,
                        Map.of(NclueConstants.AI_WORKSPACE_ID, "x".repeat(23)), "aiWorkspaceId",
                        "must be at most 22 characters"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT, Map.of(NclueConstants.NAME_PREFIX, "a"),
                        "namePrefix", "must be 2 to 8 characters but has 1"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT,
                        Map.of(NclueConstants.NAME_PREFIX, "abcdefghi"), "namePrefix",
                        "must be 2 to 8 characters but has 9"),
                Arguments.of("nclue:aiApps?operation=submit",
                        "{\"aiWorkspaceId\":\"w\",\"namePrefix\":\"demo\",\"data\":{},\"resource\":{}}", Map.of(),
                        "docker", "is required"),
                Arguments.of("nclue:aiApps?operation=get", null, Map.of(NclueConstants.AI_APP_ID, "y".repeat(23)),
                        "id", "must be at most 22 characters"),
                Arguments.of("nclue:aiApps?operation=list", null, Map.of(), "accountId", "is required"));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void failsBeforeSending(String uri, String body, Map<String, Object> headers, String field, String rule) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertEquals(field, error.getField());
        assertTrue(error.getMessage().startsWith(field + " "), error.getMessage());
        assertTrue(error.getMessage().contains(rule), error.getMessage());
        assertEquals(0, API.requests().size(), "no request may be sent");
    }

    @ParameterizedTest
    @ValueSource(strings = { "nclue:tasks?operation=submit", "nclue:aiWorkspaces?operation=get",
            "nclue:features?operation=getResult" })
    void refusesOperationsAResourceDoesNotHave(String uri) {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint(uri));
        assertTrue(String.valueOf(rootCause(error).getMessage()).contains("is not supported for resource"),
                rootCause(error).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "nclue:jobs?operation=list" })
    void refusesUnknownResource(String uri) {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint(uri));
        assertTrue(rootCause(error).getMessage().contains("resource 'jobs' is not one of"),
                rootCause(error).getMessage());
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }
}
