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

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.model.NclueJob;

/**
 * Where a poller reads jobs of one kind and account from.
 */
public interface JobSource {

    /** One page of jobs, newest first, or null when this kind cannot be listed (then every job is read by id). */
    CompletableFuture<Page> list(int index, int limit);

    CompletableFuture<? extends NclueJob> get(String id);

    /** A page of a list reply. */
    record Page(int total, List<? extends NclueJob> items) {
    }
}
