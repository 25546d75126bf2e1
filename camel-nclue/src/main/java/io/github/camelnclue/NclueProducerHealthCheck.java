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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelnclue.exception.NclueApiException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.HttpResponseAware;
import org.apache.camel.util.ObjectHelper;

/**
 * Checks that the API of a producer's endpoint answers with its keys: one cheap list call per check (an NCLUE task
 * list page of one item, or the DataForest AI workspace list of the configured account). An endpoint on DataForest
 * without an accountId cannot be checked without side effects and is reported UP with a detail saying so.
 */
public class NclueProducerHealthCheck extends AbstractHealthCheck {

    /** Detail set when the check could not call the API. */
    public static final String NOT_CHECKED = "nclue.not.checked";

    private final NclueEndpoint endpoint;

    public NclueProducerHealthCheck(NclueEndpoint endpoint, String clientId) {
        super("camel", "producer:nclue-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        NclueConfiguration configuration = endpoint.getConfiguration();
        CompletableFuture<?> call;
        NclueResource resource = configuration.getResource();
        if (resource == NclueResource.aiApps || resource == NclueResource.aiWorkspaces) {
            if (ObjectHelper.isEmpty(configuration.getAccountId())) {
                builder.detail(NOT_CHECKED, "DataForest needs an accountId to list AI workspaces; none is configured")
                        .up();
                return;
            }
            call = endpoint.dataForestClient().listWorkspaces(configuration.getAccountId());
        } else {
            call = endpoint.nclueClient().tasks().list(0, 1);
        }
        try {
            call.get(configuration.getRequestTimeout(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.message(cause.getMessage()).error(cause);
            if (cause instanceof HttpResponseAware http) {
                builder.detail(SERVICE_STATUS_CODE, http.getHttpResponseCode());
            }
            if (cause instanceof NclueApiException api && api.getApiCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, api.getApiCode());
            }
            builder.down();
        } catch (TimeoutException e) {
            call.cancel(true);
            builder.message("No answer from the API within " + configuration.getRequestTimeout() + " ms").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted").error(e).down();
        }
    }
}
