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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.model.AiAppList;
import io.github.camelnclue.model.AiWorkspaceList;
import io.github.camelnclue.model.DryRunRequest;
import io.github.camelnclue.model.SubmitAiAppRequest;

/**
 * The DataForest v2 AI app and AI workspace API. Every call is a POST with a JSON body; replies carry
 * {@code success}, which is checked even on HTTP 200.
 */
public final class DataForestClient {

    public static final String DEFAULT_ENDPOINT = "https://df.apigw.ntruss.com";
    private static final String AI_APPS = "/api/v2/aiapps/";
    private static final String AI_WORKSPACES = "/api/v2/aiworkspaces/";

    private final ApiTransport transport;
    private final String baseUrl;

    public DataForestClient(ApiTransport transport, String baseUrl) {
        this.transport = transport;
        this.baseUrl = baseUrl;
    }

    /** Runs an AI app; never retried on 5xx or I/O errors (it may have started). */
    /** A future completed on the worker pool {@code delay} from now (a backoff between submits). */
    public CompletableFuture<Void> after(Duration delay) {
        return transport.after(delay);
    }

    public CompletableFuture<AiApp> submit(SubmitAiAppRequest request) {
        return transport.send(submitCall(request), transport.mapper().constructType(AiApp.class));
    }

    /** The validated submit call, not sent: what {@link #submit} sends, for a dry run. */
    public ApiCall submitCall(SubmitAiAppRequest request) {
        RequestValidator.validate(request);
        return new ApiCall("aiApps.submit", "POST", baseUrl, AI_APPS + "submit", Map.of(), request, false);
    }

    /** The kill call, not sent, for a dry run. */
    public ApiCall killCall(String id) {
        return new ApiCall("aiApps.kill", "POST", baseUrl, AI_APPS + "kill",
                Map.of(), Map.of("id", RequestValidator.requireDataForestId("id", id)), true);
    }

    public CompletableFuture<AiApp> getDetail(String id) {
        return post("aiApps.get", AI_APPS + "getDetail", Map.of("id", RequestValidator.requireDataForestId("id", id)),
                true, AiApp.class);
    }

    /** Every AI app of a DataForest account (an account id, not a workspace id). */
    public CompletableFuture<AiAppList> list(String accountId) {
        return post("aiApps.list", AI_APPS + "getList", search(accountId), true, AiAppList.class);
    }

    /** Kills an AI app; killing twice does no harm, so it is retried like a read. */
    public CompletableFuture<AiApp> kill(String id) {
        return transport.send(killCall(id), transport.mapper().constructType(AiApp.class));
    }

    public CompletableFuture<AiWorkspaceList> listWorkspaces(String accountId) {
        return post("aiWorkspaces.list", AI_WORKSPACES + "getList", search(accountId), true, AiWorkspaceList.class);
    }

    private static Map<String, Object> search(String accountId) {
        return Map.of("search", Map.of("accountId", RequestValidator.requireDataForestId("accountId", accountId)));
    }

    private <T> CompletableFuture<T> post(String operation, String path, Object body, boolean idempotent, Class<T> type) {
        return transport.send(new ApiCall(operation, "POST", baseUrl, path, Map.of(), body, idempotent),
                transport.mapper().constructType(type));
    }

    /** A call of this client signed but not sent (a dry run); see {@link ApiTransport#preview}. */
    public DryRunRequest preview(ApiCall call, String adoptedId) {
        return transport.preview(call, adoptedId);
    }
}
