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
package io.github.camelnclue.tracking;

import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.client.DataForestClient;
import io.github.camelnclue.client.JobResourceClient;
import io.github.camelnclue.model.NclueJob;

/**
 * Job sources over the API clients.
 */
public final class JobSources {

    private JobSources() {
    }

    /** NCLUE features, tasks or task runs: listed in pages, newest first. */
    public static JobSource of(JobResourceClient<?, ?> client) {
        return new JobSource() {
            @Override
            public CompletableFuture<Page> list(int index, int limit) {
                return client.list(index, limit).thenApply(page -> new Page(page.total(), page.items()));
            }

            @Override
            public CompletableFuture<? extends NclueJob> get(String id) {
                return client.get(id);
            }
        };
    }

    /**
     * DataForest AI apps: listed (all at once, the API does not page) when the account id is known, else read by id.
     */
    public static JobSource of(DataForestClient client, String accountId) {
        return new JobSource() {
            @Override
            public CompletableFuture<Page> list(int index, int limit) {
                if (accountId == null) {
                    return null;
                }
                return client.list(accountId).thenApply(list -> new Page(list.contents().size(), list.contents()));
            }

            @Override
            public CompletableFuture<? extends NclueJob> get(String id) {
                return client.getDetail(id);
            }
        };
    }
}
