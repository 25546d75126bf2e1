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
package io.github.camelnclue.emulator.nclue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.http.ApiRequest;
import io.github.camelnclue.emulator.http.ApiResponse;
import io.github.camelnclue.emulator.http.Json;
import io.github.camelnclue.emulator.http.Router;

/**
 * The create/get/list/delete machinery shared by features, tasks, task runs and profiles. A subclass names its fields
 * and supplies what differs: how to build the job (resolving referenced ids), its JSON views and its work.
 * <p>
 * Create validates in a fixed order, each failure leaving no trace: body shape and required fields (400), name
 * length (422 10101), path characters (422 10103/10104/10105), duplicate name (409 10102), referenced ids (404).
 */
abstract class NclueApiResource<J extends EmulatedJob> {

    static final int MAX_NAME_LENGTH = 100;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** A path field and the error NCLUE reports when it contains a forbidden character. */
    record PathField(String field, NclueError error) {
    }

    protected final NclueContext ctx;
    private final Class<J> type;

    NclueApiResource(NclueContext ctx, Class<J> type) {
        this.ctx = ctx;
        this.type = type;
    }

    /** URL segment under {@code /api/v1}, e.g. {@code task-runs}. */
    abstract String path();

    /** Array name in the list reply, e.g. {@code runs}. */
    abstract String listField();

    /** Id field in the delete reply, e.g. {@code run_id}. */
    abstract String idField();

    abstract JobKind kind();

    abstract List<String> requiredFields();

    List<String> optionalFields() {
        return List.of();
    }

    abstract List<PathField> pathFields();

    /** Cross-field rules on the parsed strings; throws {@link NclueError#INVALID_PARAMETER}. */
    void validateCombination(Map<String, String> fields) {
    }

    /** Builds the job, resolving referenced ids (404 when unknown). Runs under the store lock. */
    abstract J build(String id, Map<String, String> fields);

    abstract Object createView(J job);

    abstract Object detailView(J job);

    /** Extra delete rule beyond the status check; runs under the store lock. */
    void checkNotInUse(J job) {
    }

    /** Cleans up after a job was deleted (e.g. files NCLUE keeps for it); runs under the store lock. */
    void removed(J job) {
    }

    /** The job's work when it leaves in_progress: reads Object Storage and decides the outcome. */
    abstract Outcome work(J job);

    void register(Router router) {
        String base = "/api/v1/" + path();
        router.add("POST", base, this::create)
                .add("GET", base, this::list)
                .add("GET", base + "/{id}", this::get)
                .add("DELETE", base + "/{id}", this::delete);
    }

    final ApiResponse create(ApiRequest request) {
        Map<String, String> fields = parse(request.body());
        validateCombination(fields);
        String name = fields.get("name");
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw NclueError.NAME_TOO_LONG.exception("name must be at most " + MAX_NAME_LENGTH + " characters, was "
                                                     + name.codePointCount(0, name.length()));
        }
        for (PathField pf : pathFields()) {
            String value = fields.get(pf.field());
            int bad = value == null ? -1 : PathRules.firstForbidden(value);
            if (bad >= 0) {
                throw pf.error().exception(pf.field() + " contains the forbidden character "
                                           + PathRules.describe(value.charAt(bad)) + " at index " + bad);
            }
        }
        J job = ctx.store().atomically(() -> {
            if (ctx.store().nameTaken(kind(), name)) {
                throw NclueError.DUPLICATE_NAME.exception("a " + singular() + " named '" + name + "' already exists");
            }
            J created = build(Ids.uuid(), fields);
            ctx.store().add(created);
            return created;
        });
        ctx.onCreated().accept(kind());
        ctx.lifecycle().start(job, () -> work(job));
        return ApiResponse.ok(createView(job));
    }

    final ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(detailView(require(request.pathParam("id"))));
    }

    final ApiResponse list(ApiRequest request) {
        int index = intParam(request, "index", 0);
        int limit = intParam(request, "limit", DEFAULT_LIMIT);
        if (index < 0) {
            throw NclueError.INVALID_PARAMETER.exception("index must be 0 or greater, was " + index);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw NclueError.INVALID_PARAMETER.exception("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        List<EmulatedJob> all = ctx.store().newestFirst(kind());
        List<Object> page = all.stream().skip(index).limit(limit).map(j -> detailView(type.cast(j))).toList();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("index", index);
        reply.put("limit", limit);
        reply.put("total", all.size());
        reply.put(listField(), page);
        return ApiResponse.ok(reply);
    }

    final ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("id");
        ctx.store().atomically(() -> {
            J job = require(id);
            if (!job.status().isDeletable()) {
                throw NclueError.INVALID_STATUS.exception(singular() + " " + id + " is " + job.status().value()
                                                          + "; only registered, completed or failed jobs can be deleted");
            }
            checkNotInUse(job);
            // removing a registered job cancels it: the lifecycle stops at its next step
            ctx.store().remove(job, ctx.clock().now());
            removed(job);
            return null;
        });
        return ApiResponse.ok(Map.of(idField(), id));
    }

    /** The job with this id, or 404. */
    final J require(String id) {
        EmulatedJob job = Ids.isValidNclueId(id) ? ctx.store().find(kind(), id) : null;
        if (job == null) {
            throw NclueError.NOT_FOUND.exception(singular() + " " + id + " not found");
        }
        return type.cast(job);
    }

    /** A referenced job of another kind, or 404 naming the field. */
    final <R extends EmulatedJob> R reference(Class<R> refType, JobKind refKind, String field, String id) {
        EmulatedJob job = Ids.isValidNclueId(id) ? ctx.store().find(refKind, id) : null;
        if (job == null) {
            throw NclueError.NOT_FOUND.exception(field + " " + id + " not found");
        }
        return refType.cast(job);
    }

    /** What the job is called in error details, e.g. {@code task run}. */
    String singular() {
        return idField().substring(0, idField().length() - 3).replace('_', ' ');
    }

    private Map<String, String> parse(byte[] body) {
        JsonNode node = Json.parseOrNull(body);
        if (node == null || !node.isObject()) {
            throw NclueError.INVALID_PARAMETER.exception("request body must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : requiredFields()) {
            String value = text(node, field);
            if (value == null) {
                throw NclueError.INVALID_PARAMETER.exception(field + " is required");
            }
            fields.put(field, value);
        }
        for (String field : optionalFields()) {
            String value = text(node, field);
            if (value != null) {
                fields.put(field, value);
            }
        }
        return fields;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw NclueError.INVALID_PARAMETER.exception(field + " must be a string");
        }
        if (value.asText().isBlank()) {
            throw NclueError.INVALID_PARAMETER.exception(field + " must not be blank");
        }
        return value.asText();
    }

    private static int intParam(ApiRequest request, String name, int defaultValue) {
        String value = request.query(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw NclueError.INVALID_PARAMETER.exception(name + " must be an integer, was '" + value + "'");
        }
    }
}
