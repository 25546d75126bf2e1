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

import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.CreateFeatureRequest;
import io.github.camelnclue.model.CreateTaskRequest;
import io.github.camelnclue.model.CreateTaskRunRequest;
import io.github.camelnclue.model.SubmitAiAppRequest;

/**
 * The documented input rules of NCLUE and DataForest, checked before anything is recorded or sent, so a bad value
 * fails fast with the field, the rule and the value instead of a ledger entry, a round trip and an HTTP 4xx.
 * <p>
 * Two passes: {@link #checkFields} on the raw body fields (names and JSON types, before they become a request record,
 * so no Jackson message reaches the user and no number is truncated), then {@link #validate(Object)} on the record
 * (required fields, lengths in characters, paths, ranges).
 */
public final class RequestValidator {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PAGE_LIMIT = 100;
    public static final int MAX_DATAFOREST_ID_LENGTH = 22;
    public static final int MIN_NAME_PREFIX_LENGTH = 2;
    public static final int MAX_NAME_PREFIX_LENGTH = 8;

    /**
     * Characters NCLUE refuses in Object Storage paths: the English pages list these; the Korean page drops {@code =}
     * but adds space, so both are refused (docs/ncp-api.md 2.1).
     */
    static final String FORBIDDEN_PATH_CHARACTERS = "&$@=;:+,?*\\{}^%`[]<>~#|\"' ";

    // ids go into URL paths: no separators, dots, encodings or query characters
    private static final Pattern PATH_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int SHOWN_VALUE_LENGTH = 80;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, Map<String, RecordComponent>> FIELDS = new ConcurrentHashMap<>();

    private RequestValidator() {
    }

    /** Validates a request record of any of the four kinds. */
    public static void validate(Object request) {
        if (request instanceof CreateFeatureRequest feature) {
            validate(feature);
        } else if (request instanceof CreateTaskRequest task) {
            validate(task);
        } else if (request instanceof CreateTaskRunRequest run) {
            validate(run);
        } else if (request instanceof SubmitAiAppRequest submit) {
            validate(submit);
        } else if (request == null) {
            throw new NclueValidationException("body", "is required");
        } else {
            throw new IllegalArgumentException("not a request record: " + request.getClass().getName());
        }
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
        int length = length(request.namePrefix());
        if (length < MIN_NAME_PREFIX_LENGTH || length > MAX_NAME_PREFIX_LENGTH) {
            throw new NclueValidationException("namePrefix", "must be " + MIN_NAME_PREFIX_LENGTH + " to "
                                                             + MAX_NAME_PREFIX_LENGTH + " characters but has "
                                                             + length + ": " + show(request.namePrefix()));
        }
        requireText("queueName", request.queueName());
        requirePresent("data", request.data());
        requirePresent("docker", request.docker());
        requireText("docker.image", request.docker().image());
        List<Integer> ports = request.docker().exposeTcpPorts();
        if (ports != null) {
            for (int i = 0; i < ports.size(); i++) {
                Integer port = ports.get(i);
                if (port == null || port < 0 || port > 65535) {
                    throw new NclueValidationException("docker.exposeTcpPorts[" + i + "]",
                            "must be a TCP port, 0 to 65535, but was " + port);
                }
            }
        }
        requirePresent("resource", request.resource());
        requireNotNegative("resource.cpuCount", request.resource().cpuCount());
        requireNotNegative("resource.gpuCount", request.resource().gpuCount());
        requireNotNegative("resource.memoryMb", request.resource().memoryMb());
    }

    /**
     * Checks the raw fields of a request body before they are turned into {@code requestType}: every name must be a
     * field of the request (an unknown one is reported with the nearest known name), every value of the JSON type the
     * field has (a string, an integer that fits without rounding, true/false, an array or an object), recursively.
     * A null value counts as absent.
     */
    public static void checkFields(Class<?> requestType, Map<String, ?> values) {
        if (!requestType.isRecord()) {
            throw new IllegalArgumentException(requestType.getName() + " is not a request record");
        }
        checkObject("", requestType, values);
    }

    private static void checkObject(String path, Class<?> recordType, Map<?, ?> values) {
        Map<String, RecordComponent> known = fields(recordType);
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String field = path.isEmpty() ? key : path + "." + key;
            RecordComponent component = known.get(key);
            if (component == null) {
                String nearest = nearest(key, known.keySet());
                String hint = nearest != null
                        ? "did you mean " + (path.isEmpty() ? "" : path + ".") + nearest + "?"
                        : "the fields" + (path.isEmpty() ? "" : " of " + path) + " are "
                          + String.join(", ", known.keySet());
                throw new NclueValidationException(field, "is not a known field — " + hint,
                        "unknown field " + field + " — " + hint);
            }
            checkValue(field, component.getGenericType(), entry.getValue());
        }
    }

    private static void checkValue(String field, Type type, Object value) {
        if (value == null) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            if (!(value instanceof CharSequence)) {
                throw typeError(field, "a string", value);
            }
        } else if (raw == Integer.class || raw == int.class) {
            checkInteger(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == Long.class || raw == long.class) {
            checkInteger(field, value, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (!(value instanceof Boolean)) {
                throw typeError(field, "true or false", value);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            Type element = typeArgument(type, 0);
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    checkElement(field + "[" + i++ + "]", element, item);
                }
            } else if (value.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    checkElement(field + "[" + i + "]", element, Array.get(value, i));
                }
            } else {
                throw typeError(field, "an array", value);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof Map<?, ?> map)) {
                throw typeError(field, "an object", value);
            }
            Type valueType = typeArgument(type, 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkValue(field + "." + entry.getKey(), valueType, entry.getValue());
            }
        } else if (raw.isRecord()) {
            if (!(value instanceof Map<?, ?> map)) {
                throw typeError(field, "an object", value);
            }
            checkObject(field, raw, map);
        }
    }

    private static void checkElement(String field, Type type, Object item) {
        if (item == null) {
            throw new NclueValidationException(field, "must not be null");
        }
        checkValue(field, type, item);
    }

    private static void checkInteger(String field, Object value, long min, long max) {
        if (!(value instanceof Number number)) {
            throw typeError(field, "an integer", value);
        }
        BigDecimal decimal;
        try {
            decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw typeError(field, "an integer", value); // NaN, Infinity
        }
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw new NclueValidationException(field, "must be a whole number but was " + number);
        }
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new NclueValidationException(field, "must be an integer from " + min + " to " + max + " but was "
                                                      + number);
        }
    }

    private static NclueValidationException typeError(String field, String expected, Object value) {
        return new NclueValidationException(field, "must be " + expected + " but was " + describeValue(value));
    }

    /** {@code a string "x"}, {@code a number 1.5}, {@code an object {"a":1}}, ... */
    static String describeValue(Object value) {
        if (value instanceof CharSequence text) {
            return "a string " + show(text.toString(), '"');
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number) {
            return "a number " + value;
        }
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            json = String.valueOf(value);
        }
        String kind = value instanceof Map ? "an object " : value instanceof Collection || value.getClass().isArray()
                ? "an array " : "a " + value.getClass().getSimpleName() + " ";
        return kind + truncate(json);
    }

    /** The JSON names of a record's fields, in order. */
    private static Map<String, RecordComponent> fields(Class<?> recordType) {
        return FIELDS.computeIfAbsent(recordType, type -> {
            Map<String, RecordComponent> fields = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
                fields.put(name, component);
            }
            return fields;
        });
    }

    /** The known name closest to {@code name} (same letters ignoring case, '_' and '-', or a few edits away). */
    static String nearest(String name, Set<String> known) {
        String normalized = normalize(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(normalized, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, normalized.length() / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    private static String normalize(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
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
                    field, "must be 1 to 128 letters, digits, '-' or '_' to be safe in a URL path but was "
                           + show(id));
        }
        return id;
    }

    /** A DataForest id (AI app, workspace or account): at most 22 characters. */
    public static String requireDataForestId(String field, String id) {
        requireText(field, id);
        int length = length(id);
        if (length > MAX_DATAFOREST_ID_LENGTH) {
            throw new NclueValidationException(
                    field, "must be at most " + MAX_DATAFOREST_ID_LENGTH + " characters but has " + length + ": "
                           + show(id));
        }
        return id;
    }

    public static void requireText(String field, String value) {
        if (value == null) {
            throw new NclueValidationException(field, "is required");
        }
        if (value.isBlank()) {
            throw new NclueValidationException(field, "is required but was blank: " + show(value));
        }
    }

    /** The length in characters (Unicode code points), as a user counts them: an emoji is one. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static void requirePresent(String field, Object value) {
        if (value == null) {
            throw new NclueValidationException(field, "is required");
        }
    }

    private static void requireNotNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new NclueValidationException(field, "must be 0 or more but was " + value);
        }
    }

    private static void requireName(String field, String name) {
        requireText(field, name);
        int length = length(name);
        if (length > MAX_NAME_LENGTH) {
            throw new NclueValidationException(
                    field, "must be 1 to " + MAX_NAME_LENGTH + " characters but has " + length + ": " + show(name));
        }
    }

    private static void requirePath(String field, String path) {
        requireText(field, path);
        int position = 0;
        for (int i = 0; i < path.length(); i = path.offsetByCodePoints(i, 1), position++) {
            int c = path.codePointAt(i);
            if (c < 32 || c > 127 || FORBIDDEN_PATH_CHARACTERS.indexOf(c) >= 0) {
                throw new NclueValidationException(
                        field, "must not contain " + describe(c) + " at position " + position
                               + " (forbidden: " + FORBIDDEN_PATH_CHARACTERS.strip()
                               + " space, ASCII 0-31 and 128-255, so no non-ASCII) but was " + show(path));
            }
        }
    }

    private static String describe(int c) {
        return c == ' ' ? "a space" : c < 32 || c > 126 ? String.format("character U+%04X", c) : "'" + (char) c + "'";
    }

    private static String show(String value) {
        return show(value, '\'');
    }

    private static String show(String value, char quote) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote);
        value.codePoints().limit(SHOWN_VALUE_LENGTH).forEach(cp -> {
            if (cp < 32 || cp == 127) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        if (length(value) > SHOWN_VALUE_LENGTH) {
            sb.append("...");
        }
        return sb.append(quote).toString();
    }

    private static String truncate(String json) {
        return length(json) > SHOWN_VALUE_LENGTH
                ? json.substring(0, json.offsetByCodePoints(0, SHOWN_VALUE_LENGTH)) + "..." : json;
    }
}
