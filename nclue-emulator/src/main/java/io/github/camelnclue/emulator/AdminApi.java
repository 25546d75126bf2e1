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
package io.github.camelnclue.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.clock.StatusHistory;
import io.github.camelnclue.emulator.dataforest.DataForestApi;
import io.github.camelnclue.emulator.faults.Fault;
import io.github.camelnclue.emulator.faults.Faults;
import io.github.camelnclue.emulator.http.ApiException;
import io.github.camelnclue.emulator.http.ApiRequest;
import io.github.camelnclue.emulator.http.ApiResponse;
import io.github.camelnclue.emulator.http.Json;
import io.github.camelnclue.emulator.http.Router;

/**
 * The emulator's own control API under {@code /_emulator} (no authentication, never rate limited, never faulted):
 * <ul>
 * <li>{@code GET /_emulator/health}</li>
 * <li>{@code GET /_emulator/stats}, {@code POST /_emulator/stats/reset}</li>
 * <li>{@code GET|POST|DELETE /_emulator/faults}</li>
 * <li>{@code GET /_emulator/status-history/{id}}</li>
 * <li>{@code PUT /_emulator/result-rows} with {@code {"rows": n}} (negative: back to one row per user)</li>
 * <li>{@code GET /_emulator/aiapps/{id}/logs} (target of the AI app containers' {@code logUrl})</li>
 * </ul>
 */
final class AdminApi {

    record FaultView(String type, int status, long delayMillis, String method, String path, int remaining) {
    }

    private final EmulatorStats stats;
    private final Faults faults;
    private final StatusHistory history;
    private final AtomicLong resultRows;
    private final DataForestApi dataForest;

    AdminApi(EmulatorStats stats, Faults faults, StatusHistory history, AtomicLong resultRows, DataForestApi dataForest) {
        this.stats = stats;
        this.faults = faults;
        this.history = history;
        this.resultRows = resultRows;
        this.dataForest = dataForest;
    }

    void register(Router router) {
        router.add("GET", "/_emulator/health", r -> ApiResponse.ok(Map.of("status", "UP")))
                .add("GET", "/_emulator/stats", r -> ApiResponse.ok(stats.snapshot()))
                .add("POST", "/_emulator/stats/reset", r -> {
                    stats.reset();
                    return ApiResponse.ok(stats.snapshot());
                })
                .add("GET", "/_emulator/faults", r -> ApiResponse.ok(faultViews()))
                .add("POST", "/_emulator/faults", this::addFault)
                .add("DELETE", "/_emulator/faults", r -> {
                    faults.clear();
                    return ApiResponse.ok(faultViews());
                })
                .add("GET", "/_emulator/status-history/{id}", r -> ApiResponse.ok(history.of(r.pathParam("id")).stream()
                        .map(c -> Map.of("status", c.status(), "at", c.at().toString())).toList()))
                .add("PUT", "/_emulator/result-rows", this::resultRows)
                .add("GET", "/_emulator/aiapps/{id}/logs", r -> {
                    String log = dataForest.log(r.pathParam("id"));
                    if (log == null) {
                        throw new ApiException(404, Map.of("error", "no such AI app"));
                    }
                    return ApiResponse.ok(log);
                });
    }

    /**
     * {@code {"type":"status|reset|delay","status":503,"delayMillis":100,"method":"GET","path":"/api/v1/tasks",
     * "times":2,"body":"{...}"}}; {@code times} -1 = always, default 1.
     */
    private ApiResponse addFault(ApiRequest request) {
        JsonNode body = Json.parseOrNull(request.body());
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            throw badRequest("body must be a JSON object with a type of status, reset or delay");
        }
        Fault fault;
        try {
            fault = switch (body.get("type").asText()) {
                case "status" -> Fault.status(body.path("status").asInt(503));
                case "reset" -> Fault.reset();
                case "delay" -> Fault.delay(Duration.ofMillis(body.path("delayMillis").asLong(1000)));
                default -> throw badRequest("type must be status, reset or delay");
            };
            if (body.hasNonNull("path") || body.hasNonNull("method")) {
                fault = fault.onPath(body.path("method").asText("*"), body.path("path").asText("/api/"));
            }
            fault = fault.times(body.path("times").asInt(1));
            if (body.hasNonNull("body")) {
                fault = fault.body(body.get("body").isTextual() ? body.get("body").asText() : body.get("body").toString());
            }
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        faults.add(fault);
        return ApiResponse.ok(faultViews());
    }

    private ApiResponse resultRows(ApiRequest request) {
        JsonNode body = Json.parseOrNull(request.body());
        if (body == null || !body.path("rows").isIntegralNumber()) {
            throw badRequest("body must be {\"rows\": <integer>}");
        }
        resultRows.set(Math.max(-1, body.get("rows").asLong()));
        return ApiResponse.ok(Map.of("rows", resultRows.get()));
    }

    private List<FaultView> faultViews() {
        return faults.active().stream().map(a -> new FaultView(a.fault().type().name().toLowerCase(Locale.ROOT),
                a.fault().status(), a.fault().delay().toMillis(), a.fault().method() == null ? "*" : a.fault().method(),
                a.fault().pathPrefix(), a.remaining())).toList();
    }

    private static ApiException badRequest(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return new ApiException(400, body);
    }
}
