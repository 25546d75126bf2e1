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

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.client.RequestValidator;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.SubmitAiAppRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * Builds a request from the exchange and validates it, before anything is recorded or sent. Precedence, lowest first:
 * endpoint option, body field, header. The body may be a JSON object (a String, {@code byte[]} or InputStream) or a
 * Map in the API's own field names ({@code train_file_path}, ...), or the request record; a job or page that an
 * earlier nclue step left in the body is ignored so steps chain naturally.
 * <p>
 * The body's fields are checked by name and JSON type before they become the record, so an unknown field, a wrong
 * type or a fractional number fails with the field, the rule and the value; a value from a header or an option is
 * reported with the header or option it came from.
 */
final class NclueRequestBinder {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final NclueConfiguration configuration;
    private final ObjectMapper mapper;

    NclueRequestBinder(NclueConfiguration configuration, ObjectMapper mapper) {
        this.configuration = configuration;
        this.mapper = mapper;
    }

    /** The request, validated: {@link RequestValidator#validate(Object)} has passed. */
    <T> T bind(Exchange exchange, Class<T> requestType, RequestField... fields) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        Map<String, Object> values;
        if (requestType.isInstance(body)) {
            values = mapper.convertValue(body, MAP);
        } else {
            values = bodyFields(body);
            RequestValidator.checkFields(requestType, values);
        }
        Map<String, String> sources = new HashMap<>();
        for (RequestField field : fields) {
            String option = field.option(configuration);
            if (option != null && values.get(field.apiName()) == null) {
                values.put(field.apiName(), option);
                sources.put(field.apiName(), "option " + field.optionName());
            }
            String header = header(message, field.header(), field.apiName());
            if (header != null) {
                values.put(field.apiName(), header);
                sources.put(field.apiName(), "header " + field.header());
            }
        }
        if (requestType == SubmitAiAppRequest.class && values.get("data") == null) {
            // no HDFS input or output: the documented examples leave data out
            values.put("data", Map.of("input", List.of(), "output", List.of()));
        }
        T request;
        try {
            request = mapper.convertValue(values, requestType);
        } catch (IllegalArgumentException e) {
            // the fields were checked above, so this is a bug rather than bad input
            throw new IllegalStateException("the checked fields do not fit " + requestType.getSimpleName(), e);
        }
        try {
            RequestValidator.validate(request);
        } catch (NclueValidationException e) {
            String source = sources.get(e.getField());
            if (source != null) {
                throw new NclueValidationException(e.getField(), e.getRule() + " (from " + source + ")");
            }
            throw e;
        }
        return request;
    }

    /** An id from its header, else from its option. */
    String id(Exchange exchange, String header, String option) {
        String id = header(exchange.getMessage(), header, header);
        return id != null ? id : option;
    }

    /** An integer from its header, else from its option; a header that is not a whole number is named. */
    int intValue(Exchange exchange, String header, String field, int option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        String rule = "must be an integer (from header " + header + ") but was ";
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new NclueValidationException(field, rule + number);
            }
        }
        if (value instanceof CharSequence text) {
            try {
                return Integer.parseInt(text.toString().strip());
            } catch (NumberFormatException e) {
                throw new NclueValidationException(field, rule + "'" + text + "'");
            }
        }
        throw new NclueValidationException(field, rule + "a " + value.getClass().getName());
    }

    /** A string header; a number or boolean is taken as its text, anything else is refused, naming the header. */
    private static String header(Message message, String header, String field) {
        Object value = message.getHeader(header);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
            || value instanceof Enum) {
            return value.toString();
        }
        throw new NclueValidationException(field, "must be a string (from header " + header + ") but was a "
                                                  + value.getClass().getName());
    }

    private Map<String, Object> bodyFields(Object body) {
        if (body == null || body instanceof NclueJob || body instanceof JobPage) {
            return new LinkedHashMap<>();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((key, value) -> values.put(String.valueOf(key), value));
            return values;
        }
        if (body instanceof String json) {
            return parse(json);
        }
        if (body instanceof byte[] bytes) {
            return parse(new String(bytes, StandardCharsets.UTF_8));
        }
        if (body instanceof InputStream in) {
            try {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (body instanceof StreamCache cache) {
                    cache.reset();
                }
                return parse(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("the body could not be read: " + e.getMessage(), e);
            }
        }
        throw new NclueValidationException("body",
                "must be a JSON object (a String, byte[] or InputStream), a Map or the request record but was a "
                                                   + body.getClass().getName());
    }

    private Map<String, Object> parse(String json) {
        if (json.isBlank()) {
            return new LinkedHashMap<>();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() != null
                    ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "";
            throw new NclueValidationException("body", "must be a JSON object but is not valid JSON" + at);
        }
        if (!tree.isObject()) {
            throw new NclueValidationException("body", "must be a JSON object but was "
                                                       + (tree.isArray() ? "an array" : "a " + tree.getNodeType()
                                                               .name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new LinkedHashMap<>(mapper.convertValue(tree, MAP));
    }
}
