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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueApiException;

/**
 * Turns an error reply into an {@link NclueApiException}. Three body shapes exist: the API Gateway's
 * {@code {"error":{"errorCode","message","details"}}}, NCLUE's code and message, and DataForest's
 * {@code {"success":false,"message"}}; anything else keeps just the HTTP status.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static NclueApiException toException(
            ObjectMapper mapper, String operation, int status, String body, String traceId) {
        JsonNode root = readTree(mapper, body);
        JsonNode error = root.path("error");
        JsonNode source = error.isObject() ? error : root;
        String code = text(source, "errorCode", "code");
        String message = text(source, "message", "errorMessage");
        String details = text(source, "details", "detail");
        if (code == null && message == null && details == null && body != null && !body.isBlank()
                && !root.isObject()) {
            details = body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
        return new NclueApiException(operation, status, code, message, details, traceId);
    }

    /** DataForest replies HTTP 200 with {@code success:false} on some errors. */
    static boolean isUnsuccessful(JsonNode root) {
        return root.path("success").isBoolean() && !root.path("success").booleanValue();
    }

    private static JsonNode readTree(ObjectMapper mapper, String body) {
        try {
            return body == null || body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
        } catch (Exception e) {
            return mapper.missingNode();
        }
    }

    // errorCode is usually a string but was seen as a number (docs/ncp-api.md 1.5)
    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
