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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelnclue.client.ApiCall;
import io.github.camelnclue.client.DataForestClient;
import io.github.camelnclue.client.JobResourceClient;
import io.github.camelnclue.client.NclueClient;
import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.CreateCustomAttributesRequest;
import io.github.camelnclue.model.CreateFeatureRequest;
import io.github.camelnclue.model.CreateShoppingIntentRequest;
import io.github.camelnclue.model.CreateRequest;
import io.github.camelnclue.model.CreateTaskRequest;
import io.github.camelnclue.model.CreateTaskRunRequest;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.ResultFileJob;
import io.github.camelnclue.model.ShoppingIntent;
import io.github.camelnclue.model.SubmitAiAppRequest;
import io.github.camelnclue.storage.ObjectStorage;
import io.github.camelnclue.storage.ResultObject;
import io.github.camelnclue.tracking.AiAppSubmitter;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobTracker;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.ShutdownPrepared;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Performs one operation per exchange. Asynchronous: the calling thread is released while the API answers (and, with
 * waitForCompletion, while the job runs).
 */
public class NclueProducer extends DefaultAsyncProducer implements ShutdownPrepared {

    /** The waits this producer's exchanges have parked, by job id: released when the route stops. */
    private final Map<CompletableFuture<NclueJob>, String> parked = new ConcurrentHashMap<>();

    /** Read-ahead of a result: 4 × 256 KiB in flight, enough to keep the parser busy, small next to a 64 MB heap. */

    private NclueRequestBinder binder;
    private String description;
    private HealthCheck producerHealthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public NclueProducer(NclueEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NclueEndpoint getEndpoint() {
        return (NclueEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        binder = new NclueRequestBinder(configuration(), getEndpoint().getComponent().objectMapper());
        // null when the context has no health check registry (camel-health not set up)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            producerHealthCheck = new NclueProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            producerHealthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(producerHealthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && producerHealthCheck != null) {
            healthCheckRepository.removeHealthCheck(producerHealthCheck);
            producerHealthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> reply;
        try {
            if (configuration().isWaitForCompletion()) {
                joinRoute(exchange);
            }
            NclueOperations operation = determineOperation(exchange);
            configuration().getResource().requireSupported(operation);
            if (operation == NclueOperations.getResult) {
                getResult(exchange);
                callback.done(true);
                return true;
            }
            if (operation == NclueOperations.download) {
                download(exchange);
                callback.done(true);
                return true;
            }
            reply = invoke(operation, exchange);
        } catch (Exception e) {
            exchange.setException(unwrap(e));
            callback.done(true);
            return true;
        }
        reply.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(unwrap(failure));
            } else {
                NclueReplies.apply(exchange.getMessage(), result);
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<?> invoke(NclueOperations operation, Exchange exchange) throws Exception {
        NclueConfiguration config = configuration();
        return switch (config.getResource()) {
            case features -> jobOperation(operation, exchange, getEndpoint().nclueClient().features(),
                    CreateFeatureRequest.class, RequestField.FEATURE, NclueConstants.FEATURE_ID, config.getFeatureId());
            case tasks -> jobOperation(operation, exchange, getEndpoint().nclueClient().tasks(),
                    CreateTaskRequest.class, RequestField.TASK, NclueConstants.TASK_ID, config.getTaskId());
            case taskRuns -> jobOperation(operation, exchange, getEndpoint().nclueClient().taskRuns(),
                    CreateTaskRunRequest.class, RequestField.TASK_RUN, NclueConstants.RUN_ID, config.getRunId());
            case customAttributes -> jobOperation(operation, exchange, getEndpoint().nclueClient().customAttributes(),
                    CreateCustomAttributesRequest.class, RequestField.CUSTOM_ATTRIBUTES, NclueConstants.PROFILE_ID,
                    config.getProfileId());
            case shoppingIntents -> jobOperation(operation, exchange, getEndpoint().nclueClient().shoppingIntents(),
                    CreateShoppingIntentRequest.class, RequestField.SHOPPING_INTENT, NclueConstants.PROFILE_ID,
                    config.getProfileId());
            case aiApps -> aiAppOperation(operation, exchange);
            case aiWorkspaces -> getEndpoint().dataForestClient().listWorkspaces(accountId(exchange));
        };
    }

    private <J extends NclueJob, C extends CreateRequest> CompletableFuture<?> jobOperation(
            NclueOperations operation, Exchange exchange, JobResourceClient<J, C> client, Class<C> requestType,
            RequestField[] fields, String idHeader, String idOption) throws Exception {
        WaitTimeoutCancellation cancellation = WaitTimeoutCancellation.deleteIfRegistered(client);
        return switch (operation) {
            case create -> create(exchange, client, binder.bind(exchange, requestType, fields), cancellation);
            case get -> waitIfAsked(client.get(binder.id(exchange, idHeader, idOption)), false, cancellation);
            case list -> list(exchange, client);
            case delete -> delete(client, binder.id(exchange, idHeader, idOption));
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        };
    }

    private CompletableFuture<?> list(Exchange exchange, JobResourceClient<?, ?> client) {
        int index = binder.intValue(exchange, NclueConstants.INDEX, "index", configuration().getIndex());
        int limit = binder.intValue(exchange, NclueConstants.LIMIT, "limit", configuration().getLimit());
        return client.list(index, limit);
    }

    /**
     * Creates through the ledger, so a retried, redelivered or replayed create adopts its job instead. The request is
     * validated first: an invalid one writes nothing to the ledger and sends nothing.
     */
    private <J extends NclueJob, C extends CreateRequest> CompletableFuture<?> create(Exchange exchange,
            JobResourceClient<J, C> client, C request, WaitTimeoutCancellation cancellation) throws Exception {
        client.validate(request);
        JobTracker tracker = getEndpoint().tracker();
        if (configuration().isDryRun()) {
            ApiCall call = client.createCall(request);
            String adopted = tracker.adoptableId(getEndpoint().scope(), client.kind(), request.name()).orElse(null);
            return CompletableFuture.completedFuture(getEndpoint().nclueClient().preview(call, adopted));
        }
        boolean adoptForeign = configuration().getOnDuplicateName() == NclueDuplicateNamePolicy.adopt;
        // routes tell a rerun's adopted job from a new one (e.g. to log "adopting" instead of "created")
        AtomicBoolean adopted = new AtomicBoolean();
        return waitIfAsked(tracker.create(getEndpoint().scope(), client.kind(), request.name(),
                getEndpoint().jobSource(), () -> client.create(request), adoptForeign, () -> adopted.set(true))
                .thenApply(job -> {
                    exchange.getMessage().setHeader(NclueConstants.ADOPTED, adopted.get());
                    return job;
                }), true, cancellation);
    }

    /**
     * Deletes the job and records it {@code deleted}: its name is free for the next create. A task NCLUE refuses to
     * delete is explained (it may be used by a run or shopping intent).
     */
    private <J extends NclueJob, C extends CreateRequest> CompletableFuture<?> delete(
            JobResourceClient<J, C> client, String id) {
        if (configuration().isDryRun()) {
            return CompletableFuture.completedFuture(getEndpoint().nclueClient().preview(client.deleteCall(id), null));
        }
        return client.delete(id).<Object> thenApply(reply -> {
            getEndpoint().tracker().deleted(getEndpoint().scope(), client.kind(), id);
            return reply;
        }).exceptionallyCompose(
                failure -> CompletableFuture.failedFuture(DeleteRefusals.explain(client.kind(), id, unwrap(failure))));
    }

    private CompletableFuture<?> aiAppOperation(NclueOperations operation, Exchange exchange) throws Exception {
        DataForestClient client = getEndpoint().dataForestClient();
        String id = binder.id(exchange, NclueConstants.AI_APP_ID, configuration().getAiAppId());
        WaitTimeoutCancellation cancellation = WaitTimeoutCancellation.kill(client);
        boolean dryRun = configuration().isDryRun();
        return switch (operation) {
            case submit -> dryRun ? previewSubmit(exchange, client)
                    : waitIfAsked(submit(exchange, client), true, cancellation);
            case get -> waitIfAsked(client.getDetail(id), false, cancellation);
            case list -> client.list(accountId(exchange));
            case kill -> dryRun ? CompletableFuture.completedFuture(client.preview(client.killCall(id), null))
                    : client.kill(id);
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        };
    }

    /**
     * A dry run of submit: the app that a submit under this idempotency key already made would be adopted.
     */
    private CompletableFuture<?> previewSubmit(Exchange exchange, DataForestClient client) throws Exception {
        SubmitAiAppRequest request = binder.bind(exchange, SubmitAiAppRequest.class, RequestField.AI_APP);
        String key = binder.id(exchange, NclueConstants.IDEMPOTENCY_KEY, exchange.getExchangeId());
        String adopted = getEndpoint().tracker().adoptableId(getEndpoint().scope(), JobKind.AI_APPS,
                AiAppSubmitter.KEY_PREFIX + key).orElse(null);
        return CompletableFuture.completedFuture(client.preview(client.submitCall(request), adopted));
    }

    /**
     * Submits through the ledger under the exchange's idempotency key, so a redelivered exchange adopts its app and an
     * unknown outcome is resolved by listing the apps instead of submitting blindly again.
     */
    private CompletableFuture<NclueJob> submit(Exchange exchange, DataForestClient client) throws Exception {
        SubmitAiAppRequest request = binder.bind(exchange, SubmitAiAppRequest.class, RequestField.AI_APP);
        String key = binder.id(exchange, NclueConstants.IDEMPOTENCY_KEY, exchange.getExchangeId());
        AiAppSubmitter submitter = new AiAppSubmitter(getEndpoint().tracker().ledger(),
                getEndpoint().getComponent().objectMapper(), client, getEndpoint().retryPolicy(),
                Duration.ofMillis(configuration().getRequestTimeout()));
        return submitter.submit(getEndpoint().scope(), key, request, accountId(exchange))
                .thenApply(this::track);
    }

    /**
     * With waitForCompletion, the reply is the job's final record: the exchange is parked on the shared poller until
     * the job ends, and a failed job fails the exchange. A timeout fails it too, after onWaitTimeout=cancel applied
     * {@code cancellation} (which may find the job ended after all).
     *
     * @param tracked the job is in the ledger already (created or submitted); a job only read is recorded first
     */
    private CompletableFuture<NclueJob> waitIfAsked(CompletableFuture<? extends NclueJob> reply, boolean tracked,
                                                    WaitTimeoutCancellation cancellation) {
        if (!configuration().isWaitForCompletion()) {
            return reply.thenApply(NclueJob.class::cast);
        }
        JobPoller poller = getEndpoint().poller();
        Duration timeout = Duration.ofMillis(configuration().getWaitTimeout());
        boolean cancel = configuration().getOnWaitTimeout() == NclueWaitTimeoutPolicy.cancel;
        return reply.thenApply(job -> tracked ? (NclueJob) job : track(job))
                .thenCompose(job -> job.terminal() ? CompletableFuture.completedFuture(job)
                        : cancel ? park(poller, job.id(), timeout)
                                .exceptionallyCompose(WaitTimeoutCancellation.onTimeout(cancellation, timeout))
                        : park(poller, job.id(), timeout))
                .thenApply(job -> {
                    if (!job.succeeded()) {
                        throw new NclueJobFailedException(poller.kind().uriName(), job.id(), job.status(),
                                job.failMessage());
                    }
                    return job;
                });
    }

    private CompletableFuture<NclueJob> park(JobPoller poller, String id, Duration timeout) {
        CompletableFuture<NclueJob> wait = poller.awaitEnd(id, timeout);
        parked.put(wait, id);
        wait.whenComplete((job, failure) -> parked.remove(wait));
        return wait;
    }

    /**
     * Becomes one of the services of the exchange's route: the shutdown strategy tells a route's services that it is
     * stopping before it waits for the exchanges in flight (it does not reach the producers inside the route's
     * processors). Exchanges sent without a route (a ProducerTemplate) are released when the context stops.
     */
    private void joinRoute(Exchange exchange) {
        Route route = exchange.getUnitOfWork() != null ? exchange.getUnitOfWork().getRoute() : null;
        if (route != null) {
            // the route's list is not thread safe, and a route that restarted has rebuilt it
            synchronized (this) {
                if (!route.getServices().contains(this)) {
                    route.addService(this);
                }
            }
        }
    }

    /**
     * The route is stopping (the shutdown strategy calls this before it waits for the exchanges in flight): its parked
     * exchanges are released at once instead of holding the stop for jobs that may run for hours. A suspended route
     * keeps them, as it resumes with its exchanges.
     */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (!suspendOnly) {
            JobPoller poller = getEndpoint().poller();
            parked.forEach((wait, id) -> poller.release(id, wait, "its route"));
        }
    }

    /** Records a job read or submitted (not created through the tracker) so its waits and consumers see it. */
    private NclueJob track(NclueJob job) {
        return getEndpoint().tracker().track(getEndpoint().scope(), NclueReplies.kindOf(job), job);
    }

    /**
     * Checks the task run or custom-attributes profile completed, finds its actual result object and returns it in the
     * configured format. Blocking: the caller reads the result on this thread anyway.
     */
    private void getResult(Exchange exchange) throws IOException {
        NclueConfiguration config = configuration();
        JobResourceClient<? extends ResultFileJob, ?> client = config.getResource() == NclueResource.customAttributes
                ? getEndpoint().nclueClient().customAttributes() : getEndpoint().nclueClient().taskRuns();
        String id = config.getResource() == NclueResource.customAttributes
                ? binder.id(exchange, NclueConstants.PROFILE_ID, config.getProfileId())
                : binder.id(exchange, NclueConstants.RUN_ID, config.getRunId());
        ResultFileJob run = requireCompleted(client.kind(), id, client.get(id).join());
        ObjectStorage storage = getEndpoint().objectStorage();
        ResultObject object = storage.locate(run.resultBucket(), run.resultFilePath());
        Message message = exchange.getMessage();
        NclueReplies.applyJob(message, run);
        message.setHeader(NclueConstants.S3_BUCKET_NAME, object.bucket());
        message.setHeader(NclueConstants.S3_KEY, object.key());
        message.setHeader(NclueConstants.RESULT_SIZE, object.size());
        String name = message.getHeader(NclueConstants.RESULT_FILE_NAME, String.class);
        ResultBodies.apply(exchange, config, getEndpoint().resultReaders(), object.uri(), () -> storage.open(object, 0),
                () -> storage.download(object, resultDirectory(), name));
    }

    /**
     * Checks the shopping intent completed and returns its {@code {profile_id}.tsv}, streamed from NCLUE, in the
     * configured format (file: {@code {profile_id}.tsv} in resultDirectory). Blocking, like getResult.
     */
    private void download(Exchange exchange) throws IOException {
        String id = binder.id(exchange, NclueConstants.PROFILE_ID, configuration().getProfileId());
        NclueClient client = getEndpoint().nclueClient();
        ShoppingIntent intent = requireCompleted(JobKind.SHOPPING_INTENTS, id, client.shoppingIntents().get(id).join());
        Message message = exchange.getMessage();
        NclueReplies.applyJob(message, intent);
        String name = message.getHeader(NclueConstants.RESULT_FILE_NAME, id + ".tsv", String.class);
        ResultBodies.apply(exchange, configuration(), getEndpoint().resultReaders(), "shopping intent " + id,
                () -> client.downloadShoppingIntent(id).join(),
                () -> ResultBodies.save(client.downloadShoppingIntent(id).join(), resultDirectory().resolve(name)));
    }

    /** The job if it completed; its result does not exist otherwise. */
    private static <J extends NclueJob> J requireCompleted(JobKind kind, String id, J job) {
        if (!job.succeeded()) {
            if (job.terminal()) {
                throw new NclueJobFailedException(kind.uriName(), id, job.status(), job.failMessage());
            }
            throw new IllegalStateException(
                    kind.uriName() + " " + id + " is " + job.status() + ", not completed: its result does not exist yet");
        }
        return job;
    }

    private Path resultDirectory() {
        String directory = configuration().getResultDirectory();
        return Path.of(directory != null ? directory : System.getProperty("java.io.tmpdir"));
    }

    private String accountId(Exchange exchange) {
        return binder.id(exchange, NclueConstants.ACCOUNT_ID, configuration().getAccountId());
    }

    private NclueOperations determineOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(NclueConstants.OPERATION);
        NclueOperations operation = null;
        if (header instanceof NclueOperations given) {
            operation = given;
        } else if (header != null) {
            try {
                operation = NclueOperations.valueOf(header.toString().strip());
            } catch (IllegalArgumentException e) {
                throw new NclueValidationException("operation", "must be one of "
                                                                + Arrays.toString(NclueOperations.values())
                                                                + " (from header " + NclueConstants.OPERATION
                                                                + ") but was '" + header + "'");
            }
        }
        if (operation == null) {
            operation = configuration().getOperation();
        }
        if (operation == null) {
            throw new IllegalArgumentException(
                    "operation is required: set the endpoint option operation or the header "
                                               + NclueConstants.OPERATION);
        }
        return operation;
    }

    private NclueConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public String toString() {
        if (description == null) {
            description = "NclueProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
        }
        return description;
    }
}
