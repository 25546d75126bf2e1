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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JavaType;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.CreateRequest;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.NclueJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, get, list and delete of one NCLUE resource ({@code /api/v1/features}, {@code /tasks} or {@code /task-runs});
 * the three share these semantics, so one class serves them.
 *
 * @param <J> the job record
 * @param <C> the create request record
 */
public final class JobResourceClient<J extends NclueJob, C> {

    private static final Logger LOG = LoggerFactory.getLogger(JobResourceClient.class);

    private final ApiTransport transport;
    private final String baseUrl;
    private final JobKind kind;
    private final String path;
    private final String idField;
    private final JavaType jobType;
    private final JavaType pageType;
    private final Consumer<C> validator;
    private final RetryPolicy retryPolicy;

    JobResourceClient(ApiTransport transport, String baseUrl, JobKind kind, String pathSegment, String idField,
                      Class<J> jobClass, Consumer<C> validator, RetryPolicy retryPolicy) {
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.kind = kind;
        this.path = NclueClient.API_PREFIX + "/" + pathSegment;
        this.idField = idField;
        this.jobType = transport.mapper().constructType(jobClass);
        this.pageType = transport.mapper().getTypeFactory().constructParametricType(JobPage.class, jobClass);
        this.validator = validator;
        this.retryPolicy = retryPolicy;
    }

    public JobKind kind() {
        return kind;
    }

    /**
     * Creates a job; validated first. A create that fails with a 5xx, a reset connection or a timeout is sent again
     * with the retry policy's backoff and budget: the name is unique, so a resend either creates the job or meets 409
     * DUPLICATE_NAME, and then the job of that name -- the one the lost attempt created -- is the reply.
     */
    public CompletableFuture<J> create(C request) {
        validator.accept(request);
        return create(request, 0);
    }

    private CompletableFuture<J> create(C request, int resends) {
        ApiCall call = new ApiCall(kind + ".create", "POST", baseUrl, path, Map.of(), request, false);
        return transport.<J> send(call, jobType).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (resends > 0 && cause instanceof NclueApiException api && api.isDuplicateName()) {
                String name = ((CreateRequest) request).name();
                LOG.info("{} '{}': a resent create met {}; adopting the job an earlier attempt created", kind, name,
                        api.getApiMessage());
                return findByName(name, 0).thenCompose(found -> found
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> CompletableFuture.failedFuture(api)));
            }
            if (retryPolicy.resendsCreate(cause, resends)) {
                Duration delay = retryPolicy.delay(resends + 1, null);
                LOG.info("{} '{}' failed ({}); the name is unique, so it is sent again in {} ms", kind,
                        ((CreateRequest) request).name(), cause.getMessage(), delay.toMillis());
                return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> create(request, resends + 1));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** The job named {@code name}, from the list pages (newest first). */
    private CompletableFuture<Optional<J>> findByName(String name, int index) {
        return list(index, RequestValidator.MAX_PAGE_LIMIT).thenCompose(page -> {
            for (J job : page.items()) {
                if (name.equals(job.name())) {
                    return CompletableFuture.completedFuture(Optional.of(job));
                }
            }
            int next = index + page.items().size();
            return next < page.total() && !page.items().isEmpty()
                    ? findByName(name, next) : CompletableFuture.completedFuture(Optional.<J> empty());
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    public CompletableFuture<J> get(String id) {
        return transport.send(new ApiCall(kind + ".get", "GET", baseUrl, idPath(id), Map.of(), null, true), jobType);
    }

    /** One page, newest first: {@code index} is an offset, {@code limit} 1 to 100. */
    public CompletableFuture<JobPage<J>> list(int index, int limit) {
        RequestValidator.validatePage(index, limit);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("index", index);
        query.put("limit", limit);
        return transport.send(new ApiCall(kind + ".list", "GET", baseUrl, path, query, null, true), pageType);
    }

    /** Deletes a job (allowed when registered, completed or failed; deleting a registered job cancels it). */
    public CompletableFuture<J> delete(String id) {
        return transport.send(new ApiCall(kind + ".delete", "DELETE", baseUrl, idPath(id), Map.of(), null, true),
                jobType);
    }

    private String idPath(String id) {
        return path + "/" + RequestValidator.requirePathSafeId(idField, id);
    }
}
