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
package io.github.camelnclue.emulator.dataforest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.StatusChange;
import io.github.camelnclue.emulator.clock.JobClock;
import io.github.camelnclue.emulator.clock.StatusHistory;
import io.github.camelnclue.emulator.http.ApiException;
import io.github.camelnclue.emulator.http.ApiRequest;
import io.github.camelnclue.emulator.http.ApiResponse;
import io.github.camelnclue.emulator.http.Json;
import io.github.camelnclue.emulator.http.Router;

/**
 * DataForest {@code /api/v2} (docs/ncp-api.md §3): one account, one AI workspace, and AI apps that move through YARN
 * states on the job clock: ACCEPTED → RUNNING → FINISHED/SUCCEEDED, or FAILED/FAILED when the docker command
 * contains the word {@code fail}; kill makes a running app KILLED/KILLED. Not rate limited.
 * <p>
 * Errors use {@code {"success":false,"message":...}} with 400 "invalid request parameters: ..." naming the field,
 * and 404 "no such element: ..." for unknown ids.
 */
public final class DataForestApi {

    /** Every DataForest path starts so. */
    public static final String PATH_PREFIX = "/api/v2/";
    static final String ACCOUNT_NAME = "emulator";
    static final int MAX_ID_LENGTH = 22;
    private static final long CLUSTER_TIMESTAMP = 1700000000000L;

    record ErrorBody(boolean success, String message) {
    }

    record Account(String id, String name, String principal, String status, String createdAt, boolean disabled) {
    }

    record Workspace(String id, String name, String accountName, String description, String imageVersion,
                     String createdAt, String modifiedAt, boolean disabled) {
    }

    record Container(String containerId, String component, String createdAt, String logUrl, int cpuCount,
                     String dockerImage, int memoryMb, String status) {
    }

    private final String accountId = DataForestFormats.base62Id();
    private final Workspace workspace;
    private final Account account;
    private final Map<String, EmulatedAiApp> apps = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final JobClock clock;
    private final Duration step;
    private final StatusHistory history;
    private final Runnable onSubmitted;
    private final Supplier<String> baseUrl;

    /**
     * @param onSubmitted called once per submitted AI app (the stats count them)
     * @param baseUrl     the server's base URL, for the containers' {@code logUrl}
     */
    public DataForestApi(JobClock clock, Duration step, StatusHistory history, Runnable onSubmitted,
                         Supplier<String> baseUrl) {
        this.clock = clock;
        this.step = step;
        this.history = history;
        this.onSubmitted = onSubmitted;
        this.baseUrl = baseUrl;
        String created = DataForestFormats.timestamp(clock.now());
        this.account = new Account(accountId, ACCOUNT_NAME, ACCOUNT_NAME + "@KR.DF", "RUNNING", created, false);
        this.workspace = new Workspace(DataForestFormats.base62Id(), "emulator-ws", ACCOUNT_NAME, "nclue-emulator AI workspace",
                "1.0", created, created, false);
    }

    public String accountId() {
        return accountId;
    }

    public String workspaceId() {
        return workspace.id();
    }

    public void register(Router router) {
        router.add("POST", "/api/v2/accounts/getList", this::accounts)
                .add("POST", "/api/v2/aiworkspaces/getList", this::workspaces)
                .add("POST", "/api/v2/aiapps/submit", this::submit)
                .add("POST", "/api/v2/aiapps/getDetail", this::detail)
                .add("POST", "/api/v2/aiapps/getList", this::list)
                .add("POST", "/api/v2/aiapps/kill", this::kill);
    }

    private ApiResponse accounts(ApiRequest request) {
        return ApiResponse.ok(success(Map.of("total", 1, "contents", List.of(account))));
    }

    private ApiResponse workspaces(ApiRequest request) {
        requireAccount(body(request));
        return ApiResponse.ok(success(Map.of("total", 1, "contents", List.of(workspace))));
    }

    private ApiResponse submit(ApiRequest request) {
        JsonNode body = body(request);
        String workspaceId = text(body, "aiWorkspaceId", 1, MAX_ID_LENGTH);
        String prefix = text(body, "namePrefix", 2, 8);
        String queue = text(body, "queueName", 1, 64);
        object(body, "data");
        JsonNode docker = object(body, "docker");
        String image = text(docker, "docker.image", "image", 1, 512);
        String command = optionalText(docker, "docker.command", "command");
        JsonNode resource = object(body, "resource");
        int cpu = optionalInt(resource, "resource.cpuCount", "cpuCount", 1);
        int memory = optionalInt(resource, "resource.memoryMb", "memoryMb", 1024);
        if (!workspace.id().equals(workspaceId)) {
            throw notFound("aiWorkspaceId " + workspaceId);
        }
        Instant now = clock.now();
        EmulatedAiApp app = new EmulatedAiApp(DataForestFormats.base62Id(), String.format("application_%d_%04d", CLUSTER_TIMESTAMP,
                sequence.incrementAndGet()), prefix + "-" + DataForestFormats.lowerAlphanumeric(4) + "-" + DataForestFormats.lowerAlphanumeric(4),
                queue, workspaceId, image, command, cpu, memory, now);
        synchronized (this) {
            apps.put(app.id, app);
        }
        history.record(app.id, app.state, now);
        onSubmitted.run();
        clock.schedule(() -> advance(app), step);
        Map<String, Object> reply = success(Map.of());
        reply.put("id", app.id);
        reply.put("accountName", ACCOUNT_NAME);
        reply.put("name", app.name);
        reply.put("queueName", app.queueName);
        reply.put("startedAt", DataForestFormats.timestamp(app.startedAt));
        reply.put("finishedAt", DataForestFormats.timestamp(null));
        reply.put("elapsedMillis", 0L);
        reply.put("state", app.state);
        reply.put("finalStatus", app.finalStatus);
        return ApiResponse.ok(reply);
    }

    private ApiResponse detail(ApiRequest request) {
        EmulatedAiApp app = requireApp(body(request));
        synchronized (this) {
            Map<String, Object> reply = success(Map.of());
            reply.put("accountName", ACCOUNT_NAME);
            reply.putAll(summary(app));
            Map<String, Container> containers = new LinkedHashMap<>();
            if (app.runningAt != null) {
                String status = app.isTerminal() ? "COMPLETE" : "RUNNING";
                containers.put("worker-0", new Container(containerId(app), "worker", DataForestFormats.timestamp(app.runningAt),
                        baseUrl.get() + "/_emulator/aiapps/" + app.id + "/logs", app.cpuCount, app.dockerImage,
                        app.memoryMb, status));
            }
            reply.put("containers", containers);
            return ApiResponse.ok(reply);
        }
    }

    private ApiResponse list(ApiRequest request) {
        requireAccount(body(request));
        List<Map<String, Object>> contents = new ArrayList<>();
        synchronized (this) {
            for (EmulatedAiApp app : apps.values()) {
                Map<String, Object> item = summary(app);
                item.put("workspaceName", workspace.name());
                item.put("accountName", ACCOUNT_NAME);
                item.put("modifiedAt", DataForestFormats.timestamp(app.finishedAt != null ? app.finishedAt
                        : app.runningAt != null ? app.runningAt : app.startedAt));
                item.put("disabled", false);
                contents.add(item);
            }
        }
        return ApiResponse.ok(success(Map.of("contents", contents)));
    }

    private ApiResponse kill(ApiRequest request) {
        EmulatedAiApp app = requireApp(body(request));
        synchronized (this) {
            // killing an app that already ended is a no-op, as with "yarn application -kill"
            if (!app.isTerminal()) {
                end(app, EmulatedAiApp.KILLED, EmulatedAiApp.KILLED);
            }
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("success", true);
        reply.put("message", "success");
        reply.put("id", app.id);
        return ApiResponse.ok(reply);
    }

    /** A plain-text log for the container's {@code logUrl}. */
    public String log(String id) {
        EmulatedAiApp app;
        synchronized (this) {
            app = apps.get(id);
        }
        if (app == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (StatusChange change : history.of(id)) {
            sb.append(change.at()).append(' ').append(app.appId).append(" state ").append(change.status()).append('\n');
        }
        sb.append("image=").append(app.dockerImage).append(" command=").append(app.dockerCommand).append('\n');
        return sb.toString();
    }

    private void advance(EmulatedAiApp app) {
        synchronized (this) {
            if (app.isTerminal()) {
                return;
            }
            if (EmulatedAiApp.ACCEPTED.equals(app.state)) {
                app.runningAt = clock.now();
                app.state = EmulatedAiApp.RUNNING;
                history.record(app.id, app.state, app.runningAt);
                clock.schedule(() -> advance(app), step);
            } else if (app.shouldFail()) {
                end(app, EmulatedAiApp.FAILED, EmulatedAiApp.FAILED);
            } else {
                end(app, EmulatedAiApp.FINISHED, EmulatedAiApp.SUCCEEDED);
            }
        }
    }

    private void end(EmulatedAiApp app, String state, String finalStatus) {
        app.finishedAt = clock.now();
        app.finalStatus = finalStatus;
        app.state = state;
        history.record(app.id, state, app.finishedAt);
    }

    private Map<String, Object> summary(EmulatedAiApp app) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", app.id);
        item.put("appId", app.appId);
        item.put("name", app.name);
        item.put("queueName", app.queueName);
        item.put("startedAt", DataForestFormats.timestamp(app.startedAt));
        item.put("finishedAt", DataForestFormats.timestamp(app.finishedAt));
        item.put("elapsedMillis", app.elapsedMillis(clock.now()));
        item.put("state", app.state);
        item.put("finalStatus", app.finalStatus);
        return item;
    }

    private static String containerId(EmulatedAiApp app) {
        String seq = app.appId.substring(app.appId.lastIndexOf('_') + 1);
        return "container_" + CLUSTER_TIMESTAMP + "_" + seq + "_01_000001";
    }

    private static Map<String, Object> success(Map<String, Object> fields) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("success", true);
        reply.put("message", "success");
        reply.putAll(fields);
        return reply;
    }

    private void requireAccount(JsonNode body) {
        JsonNode search = body.get("search");
        if (search == null || !search.isObject()) {
            throw invalid("search is required");
        }
        String id = text(search, "search.accountId", "accountId", 1, MAX_ID_LENGTH);
        if (!accountId.equals(id)) {
            throw notFound("accountId " + id);
        }
    }

    private EmulatedAiApp requireApp(JsonNode body) {
        String id = text(body, "id", 1, MAX_ID_LENGTH);
        synchronized (this) {
            EmulatedAiApp app = apps.get(id);
            if (app == null) {
                throw notFound("id " + id);
            }
            return app;
        }
    }

    private static JsonNode body(ApiRequest request) {
        JsonNode node = Json.parseOrNull(request.body());
        if (node == null) {
            // accounts/getList has no body; an empty object stands in for it
            if (request.body() == null || request.body().length == 0) {
                return Json.MAPPER.createObjectNode();
            }
            throw invalid("body is not valid JSON");
        }
        if (!node.isObject()) {
            throw invalid("body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String field, int min, int max) {
        return text(node, field, field, min, max);
    }

    private static String text(JsonNode node, String label, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(label + " is required");
        }
        int length = value.asText().length();
        if (length < min || length > max) {
            throw invalid(label + " must be " + min + "-" + max + " characters, was " + length);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String label, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(label + " must be a string");
        }
        return value.asText();
    }

    private static int optionalInt(JsonNode node, String label, String field, int defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw invalid(label + " must be a non-negative integer");
        }
        return value.asInt();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static ApiException invalid(String details) {
        return new ApiException(400, new ErrorBody(false, "invalid request parameters: " + details));
    }

    /** DataForest's reply to an unexpected error, for the HTTP front. */
    public static ApiException unexpected() {
        return new ApiException(500, new ErrorBody(false, "unexpected error"));
    }

    static ApiException notFound(String what) {
        return new ApiException(404, new ErrorBody(false, "no such element: " + what));
    }
}
