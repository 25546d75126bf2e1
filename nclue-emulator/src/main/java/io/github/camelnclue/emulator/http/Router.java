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
package io.github.camelnclue.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method + path to an operation. Templates use {@code {name}} for one path segment; the template (e.g.
 * {@code GET /api/v1/tasks/{id}}) is also the key under which requests are counted in the stats.
 */
public final class Router {

    @FunctionalInterface
    public interface Operation {
        ApiResponse handle(ApiRequest request);
    }

    record Route(String method, String template, Pattern pattern, List<String> params, Operation operation) {

        String key() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> params) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z_]+)}");

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Operation operation) {
        Matcher m = PARAM.matcher(template);
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(params), operation));
        return this;
    }

    /** @return the matching route, or {@code null} when no route has this method and path */
    Match match(String method, String rawPath) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Matcher m = route.pattern().matcher(rawPath);
            if (m.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < route.params().size(); i++) {
                    values.put(route.params().get(i), m.group(i + 1));
                }
                return new Match(route, values);
            }
        }
        return null;
    }
}
