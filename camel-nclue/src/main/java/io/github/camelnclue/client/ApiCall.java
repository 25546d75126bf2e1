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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One API call before signing.
 *
 * @param operation  a name for errors and logs, e.g. {@code tasks.create}
 * @param method     GET, POST or DELETE
 * @param baseUrl    scheme, host and port, e.g. {@code https://nclue.apigw.ntruss.com}
 * @param path       the absolute path, e.g. {@code /api/v1/tasks}
 * @param query      query parameters in the order they are sent (empty for none)
 * @param body       the JSON body, or null
 * @param idempotent true when sending it twice does no harm, so 5xx and I/O errors may be retried
 */
public record ApiCall(
        String operation, String method, String baseUrl, String path, Map<String, Object> query, Object body,
        boolean idempotent) {

    /** The raw path and query exactly as sent: what the signature covers. */
    public String pathWithQuery() {
        if (query == null || query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    public URI uri() {
        return URI.create(stripTrailingSlash(baseUrl) + pathWithQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
