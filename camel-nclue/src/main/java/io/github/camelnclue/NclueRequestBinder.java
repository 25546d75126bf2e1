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

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.NclueJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds a request from the exchange. Precedence, lowest first: endpoint option, body field, header. The body may be a
 * JSON object string or a Map in the API's own field names ({@code train_file_path}, ...), or the request record; a
 * job or page that an earlier nclue step left in the body is ignored so steps chain naturally.
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

    <T> T bind(Exchange exchange, Class<T> requestType, RequestField... fields) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof byte[] || body instanceof InputStream) {
            // JSON from a Kamelet's marshal, HTTP or a broker arrives as bytes or a (cached) stream
            body = message.getBody(String.class);
        }
        Map<String, Object> values = bodyFields(body, requestType);
        for (RequestField field : fields) {
            String option = field.option(configuration);
            if (option != null) {
                values.putIfAbsent(field.apiName(), option);
            }
            String header = message.getHeader(field.header(), String.class);
            if (header != null) {
                values.put(field.apiName(), header);
            }
        }
        try {
            return mapper.convertValue(values, requestType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the request does not fit " + requestType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** An id from its header, else from its option. */
    String id(Exchange exchange, String header, String option) {
        String id = exchange.getMessage().getHeader(header, String.class);
        return id != null ? id : option;
    }

    int intValue(Exchange exchange, String header, int option) {
        Integer value = exchange.getMessage().getHeader(header, Integer.class);
        return value != null ? value : option;
    }

    private Map<String, Object> bodyFields(Object body, Class<?> requestType) {
        if (body == null || body instanceof NclueJob || body instanceof JobPage) {
            return new LinkedHashMap<>();
        }
        if (requestType.isInstance(body)) {
            return mapper.convertValue(body, MAP);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((key, value) -> values.put(String.valueOf(key), value));
            return values;
        }
        if (body instanceof String json) {
            if (json.isBlank()) {
                return new LinkedHashMap<>();
            }
            try {
                return new LinkedHashMap<>(mapper.readValue(json, MAP));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "the body must be a JSON object with the API's field names: " + e.getOriginalMessage(), e);
            }
        }
        throw new IllegalArgumentException(
                "the body must be a JSON object string, a Map or a " + requestType.getSimpleName() + " but was a "
                                           + body.getClass().getName());
    }
}
