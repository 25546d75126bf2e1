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

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.JobClock;
import io.github.camelnclue.emulator.clock.StatusHistory;
import io.github.camelnclue.emulator.http.Router;
import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * NCLUE v1 under {@code /api/v1}: features, tasks, task runs and profiles (custom attributes, shopping intents),
 * their validation, lifecycle on the job clock and their work on Object Storage. The one entry point of this
 * package; everything else in it is package-private. Closing it deletes the files NCLUE kept itself (shopping
 * intents' downloads).
 */
public final class NclueApi implements AutoCloseable {

    private final NclueContext ctx;
    private final LongSupplier resultRows;
    private final DownloadStore downloads = new DownloadStore();

    /**
     * @param statusStep the time a job spends in each of registered, pending and in_progress, read at every step
     * @param onCreated  called once per created job
     * @param resultRows negative: a task run or profile writes one row per user of its feature; else that many
     *                   synthetic rows
     */
    public NclueApi(JobClock clock, StatusHistory history, Supplier<Duration> statusStep, EmulatorObjectStorage storage,
                    Consumer<JobKind> onCreated, LongSupplier resultRows) {
        JobStore store = new JobStore(history);
        this.ctx = new NclueContext(store, new JobLifecycle(store, clock, statusStep), clock, onCreated, storage);
        this.resultRows = resultRows;
    }

    public void register(Router router) {
        FeatureFiles files = new FeatureFiles(ctx.storage());
        ScoredRows rows = new ScoredRows(files, resultRows);
        ObjectStorageResults results = new ObjectStorageResults(ctx.storage());
        new FeatureResource(ctx, new FeatureEvaluator(files)).register(router);
        new TaskResource(ctx, new TaskEvaluator(files, ctx.store())).register(router);
        new TaskRunResource(ctx, new TaskRunExecutor(ctx.store(), rows, results, ctx.clock())).register(router);
        new CustomAttributesResource(ctx, new CustomAttributesExecutor(ctx.store(), files, rows, results, ctx.clock()))
                .register(router);
        new ShoppingIntentResource(ctx, new ShoppingIntentExecutor(ctx.store(), files, rows, downloads), downloads)
                .register(router);
    }

    @Override
    public void close() {
        downloads.close();
    }
}
