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

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelnclue.client.ApiCredentials;
import io.github.camelnclue.client.ApiHttpClient;
import io.github.camelnclue.client.ApiTransport;
import io.github.camelnclue.client.DataForestClient;
import io.github.camelnclue.client.NclueClient;
import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.client.RetryPolicy;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.storage.ObjectStorage;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobPoller;
import io.github.camelnclue.tracking.JobSource;
import io.github.camelnclue.tracking.JobSources;
import io.github.camelnclue.tracking.JobTracker;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Run NAVER Cloud NCLUE machine-learning jobs and DataForest AI apps, wait for them, and stream their results from
 * Object Storage.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "nclue", title = "NAVER Cloud NCLUE", syntax = "nclue:resource",
             category = { Category.CLOUD, Category.AI }, headersClass = NclueConstants.class)
public class NclueEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation, MultipleConsumersSupport {

    @UriParam
    private NclueConfiguration configuration;

    private NclueRuntime runtime;
    private ApiHttpClient.Settings httpSettings;
    private NclueClient nclueClient;
    private DataForestClient dataForestClient;
    private JobPoller poller;
    private ObjectStorage objectStorage;
    private ExecutorService resultReaders;
    private RetryPolicy retryPolicy;

    public NclueEndpoint(String uri, NclueComponent component, NclueConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public NclueComponent getComponent() {
        return (NclueComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new NclueProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getResource().jobKind() == null) {
            throw new IllegalArgumentException(
                    "resource " + configuration.getResource() + " has no status to watch; consume features, tasks, "
                                               + "taskRuns, aiApps, customAttributes or shoppingIntents");
        }
        NclueConsumer consumer = new NclueConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Takes this endpoint's share of the component's runtime: the HTTP client of its transport settings, the rate
     * limiter of its API URL and access key, and the poller of its account and resource.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        NclueComponent component = getComponent();
        runtime = component.runtime();
        if (runtime == null) {
            throw new IllegalStateException("the nclue component is not started");
        }
        ApiCredentials credentials = new ApiCredentials(configuration.getAccessKey(), configuration.getSecretKey());
        retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()));
        httpSettings = new ApiHttpClient.Settings(Duration.ofMillis(configuration.getConnectTimeout()),
                configuration.getProxyHost(), configuration.getProxyPort() != null ? configuration.getProxyPort() : 80,
                sslContext());
        ApiHttpClient http = runtime.httpClient(this, httpSettings);
        Duration requestTimeout = Duration.ofMillis(configuration.getRequestTimeout());
        Duration queueTimeout = Duration.ofMillis(configuration.getRequestQueueTimeout());
        RequestRateLimiter nclueLimiter = runtime.rateLimiter(this, configuration.getNclueEndpoint(),
                credentials.accessKey(), configuration.getRequestsPerSecond(), configuration.getRequestQueueSize());
        nclueClient = new NclueClient(
                new ApiTransport(http, credentials, retryPolicy, nclueLimiter, requestTimeout, queueTimeout,
                        component.objectMapper(), component.apiCallListener(), runtime.workers(), runtime.scheduler()),
                configuration.getNclueEndpoint(), retryPolicy);
        dataForestClient = new DataForestClient(
                new ApiTransport(http, credentials, retryPolicy, null, requestTimeout, queueTimeout,
                        component.objectMapper(), component.apiCallListener(), runtime.workers(), runtime.scheduler()),
                configuration.getDataForestEndpoint());
        JobKind kind = configuration.getResource().jobKind();
        if (kind != null) {
            poller = runtime.poller(this, scope(), kind, jobSource());
        }
    }

    private SSLContext sslContext() throws Exception {
        return configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters().createSSLContext(getCamelContext()) : null;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        synchronized (this) {
            if (resultReaders != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(resultReaders);
                resultReaders = null;
            }
        }
        if (objectStorage != null) {
            objectStorage.close();
            objectStorage = null;
        }
        if (runtime != null) {
            if (poller != null) {
                runtime.releasePoller(this, scope(), configuration.getResource().jobKind());
                poller = null;
            }
            runtime.releaseRateLimiter(this, configuration.getNclueEndpoint(), configuration.getAccessKey());
            runtime.releaseHttpClient(this, httpSettings);
            runtime = null;
        }
    }

    public NclueConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration of this endpoint.
     */
    public void setConfiguration(NclueConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The account a job of this endpoint belongs to: API base URL and a hash of the access key. */
    String scope() {
        boolean dataForest = configuration.getResource().jobKind() == JobKind.AI_APPS;
        return AccountScope.of(dataForest ? configuration.getDataForestEndpoint() : configuration.getNclueEndpoint(),
                configuration.getAccessKey());
    }

    /** Where the poller reads this endpoint's jobs. */
    JobSource jobSource() {
        return switch (configuration.getResource()) {
            case features -> JobSources.of(nclueClient.features());
            case tasks -> JobSources.of(nclueClient.tasks());
            case taskRuns -> JobSources.of(nclueClient.taskRuns());
            case aiApps -> JobSources.of(dataForestClient, configuration.getAccountId());
            case customAttributes -> JobSources.of(nclueClient.customAttributes());
            case shoppingIntents -> JobSources.of(nclueClient.shoppingIntents());
            case aiWorkspaces -> throw new IllegalArgumentException("AI workspaces are not jobs");
        };
    }

    JobTracker tracker() {
        return runtime.tracker();
    }

    /** The shared poller of this endpoint's account and resource (null for AI workspaces, which are no jobs). */
    JobPoller poller() {
        return poller;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    NclueClient nclueClient() {
        return nclueClient;
    }

    DataForestClient dataForestClient() {
        return dataForestClient;
    }

    /** Object Storage is only needed by getResult, so its client is built on first use. */
    synchronized ObjectStorage objectStorage() {
        if (objectStorage == null) {
            objectStorage = configuration.getS3Client() != null
                    ? new ObjectStorage(configuration.getS3Client(), false)
                    : ObjectStorage.create(configuration.getObjectStorageEndpoint(), configuration.getRegion(),
                            configuration.effectiveObjectStorageAccessKey(),
                            configuration.effectiveObjectStorageSecretKey());
        }
        return objectStorage;
    }

    /**
     * Routes may consume the same URI (two Kamelet sources of the same runs, say): each consumer emits every status
     * change once, since the ledger keeps what each route emitted.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    /**
     * The threads that read getResult objects ahead of the route (one per result being read, named NclueResultReader);
     * Camel-managed, stopped with the endpoint.
     */
    synchronized ExecutorService resultReaders() {
        if (resultReaders == null) {
            resultReaders = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this,
                    "NclueResultReader");
        }
        return resultReaders;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getResource() == NclueResource.aiApps
                || configuration.getResource() == NclueResource.aiWorkspaces
                        ? configuration.getDataForestEndpoint() : configuration.getNclueEndpoint();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
