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

import java.net.http.HttpClient;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.github.camelnclue.client.ApiCallListener;
import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.tracking.FileJobLedger;
import io.github.camelnclue.tracking.JdbcJobLedger;
import io.github.camelnclue.tracking.JobLedger;
import io.github.camelnclue.tracking.JobTracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Runs NAVER Cloud NCLUE jobs (features, task models, task runs and their result files) and DataForest AI apps.
 */
@Component("nclue")
public class NclueComponent extends HealthCheckComponent {

    private static final String PROPERTY_PREFIX = "camel.component.nclue.";
    private static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    private static final Duration RETENTION_PERIOD = Duration.ofHours(1);

    @Metadata(description = "The configuration every endpoint starts from")
    private NclueConfiguration configuration = new NclueConfiguration();
    @Metadata(label = "tracking", autowired = true, description = """
            The job ledger: where the component records every job it creates, the statuses it observes and which of \
            them consumers emitted. Default: a crash-safe file store in ledgerDirectory. Bind a JdbcJobLedger to share \
            tracking between instances.""")
    private JobLedger ledger;
    @Metadata(label = "tracking", description = """
            A DataSource of a PostgreSQL database: selects the shared JDBC ledger on it (tables created or migrated at \
            start), so several instances track jobs together. Lets properties alone select the shared store, e.g. \
            camel.beans.nclueDs = #class:org.postgresql.ds.PGSimpleDataSource and \
            camel.component.nclue.ledger-data-source = #nclueDs. Ignored when a ledger is set.""")
    private DataSource ledgerDataSource;
    @Metadata(label = "tracking", defaultValue = JdbcJobLedger.DEFAULT_TABLE_PREFIX, description = """
            The prefix of the JDBC ledger's table names (letters, digits and underscores), so applications can share \
            one database without sharing tracking.""")
    private String ledgerTablePrefix = JdbcJobLedger.DEFAULT_TABLE_PREFIX;
    @Metadata(label = "tracking", defaultValue = "${user.home}/.camel-nclue/ledger", description = """
            The directory of the default file ledger. One running component may use a directory at a time.""")
    private String ledgerDirectory = System.getProperty("user.home") + "/.camel-nclue/ledger";
    @Metadata(label = "tracking", defaultValue = "1000", javaType = "java.time.Duration", description = """
            The pause between two sweeps of the status poller (one per account and resource). A sweep reads list \
            pages at the NCLUE rate limit, so with many jobs in flight sweeps take longer than this pause.""")
    private long statusPollDelay = 1000;
    @Metadata(label = "tracking", defaultValue = "30d", javaType = "java.time.Duration", description = """
            Retention of the ledger: a job that ended longer ago than this, and whose changes every known consumer \
            emitted, is forgotten (checked at start and every hour). Its name can then be created again. 0 keeps \
            every job.""")
    private long ledgerRetention = 30L * 24 * 60 * 60 * 1000;

    @Metadata(label = "advanced", autowired = true, description = """
            The Jackson ObjectMapper that writes request bodies and reads replies. When exactly one ObjectMapper is \
            bound in the registry the component uses it (autowired: camel-jackson's rule, which camel-jackson itself \
            applies only with autoDiscoverObjectMapper=true); with none or several it uses its own, which ignores \
            reply fields it does not know. The ledger always uses the component's own.""")
    private ObjectMapper objectMapper;

    // also the ledger's: what the ledger stores must not change with a user's mapper (indentation, naming, modules)
    private final ObjectMapper defaultObjectMapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private ApiCallListener apiCallListener = ApiCallListener.NONE;
    private ExecutorService httpExecutor;
    private HttpClient httpClient;
    private ScheduledExecutorService pollerScheduler;
    private JobTracker tracker;
    private final Set<RequestRateLimiter> rateLimiters = ConcurrentHashMap.newKeySet();
    private NclueMetrics metrics;

    public NclueComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NclueConfiguration config = configuration.copy();
        NclueEndpoint endpoint = new NclueEndpoint(uri, this, config);
        config.setResource(resource(remaining));
        // Camel binds a non-numeric value of an int or duration option as 0: refuse it while its text is at hand
        NclueConfiguration.checkNumberTexts(parameters);
        setProperties(endpoint, parameters);
        config.validate();
        if (statusPollDelay <= 0) {
            throw new NclueValidationException("statusPollDelay", "must be more than 0 ms but was "
                                                                  + statusPollDelay, "component option statusPollDelay"
                                                                  + " must be more than 0 ms but was " + statusPollDelay);
        }
        if (config.getOperation() != null) {
            config.getResource().requireSupported(config.getOperation());
        }
        if (ObjectHelper.isEmpty(config.getAccessKey()) || ObjectHelper.isEmpty(config.getSecretKey())) {
            throw new IllegalArgumentException(
                    "accessKey and secretKey must be set on the nclue component or endpoint (uri: "
                                               + endpoint.getEndpointBaseUri() + ")");
        }
        return endpoint;
    }

    private static NclueResource resource(String remaining) {
        for (NclueResource resource : NclueResource.values()) {
            if (resource.name().equals(remaining)) {
                return resource;
            }
        }
        throw new IllegalArgumentException(
                "resource '" + remaining + "' is not one of features, tasks, taskRuns, aiApps, aiWorkspaces");
    }

    public NclueConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration every endpoint starts from.
     */
    public void setConfiguration(NclueConfiguration configuration) {
        this.configuration = configuration;
    }

    public JobLedger getLedger() {
        return ledger;
    }

    /**
     * The job ledger; default: a crash-safe file store in ledgerDirectory.
     */
    public void setLedger(JobLedger ledger) {
        this.ledger = ledger;
    }

    public DataSource getLedgerDataSource() {
        return ledgerDataSource;
    }

    /**
     * A PostgreSQL DataSource that selects the shared JDBC ledger on it; ignored when a ledger is set.
     */
    public void setLedgerDataSource(DataSource ledgerDataSource) {
        this.ledgerDataSource = ledgerDataSource;
    }

    public String getLedgerTablePrefix() {
        return ledgerTablePrefix;
    }

    /**
     * The prefix of the JDBC ledger's table names.
     */
    public void setLedgerTablePrefix(String ledgerTablePrefix) {
        this.ledgerTablePrefix = ledgerTablePrefix;
    }

    public String getLedgerDirectory() {
        return ledgerDirectory;
    }

    /**
     * The directory of the default file ledger.
     */
    public void setLedgerDirectory(String ledgerDirectory) {
        this.ledgerDirectory = ledgerDirectory;
    }

    public long getStatusPollDelay() {
        return statusPollDelay;
    }

    /**
     * The pause between two sweeps of the status poller.
     */
    public void setStatusPollDelay(long statusPollDelay) {
        this.statusPollDelay = statusPollDelay;
    }

    public long getLedgerRetention() {
        return ledgerRetention;
    }

    /**
     * Retention of the ledger: a job that ended longer ago than this (default 30 days), and whose changes every known
     * consumer emitted, is forgotten; 0 keeps every job.
     */
    public void setLedgerRetention(long ledgerRetention) {
        this.ledgerRetention = ledgerRetention;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /**
     * The ObjectMapper for request bodies and replies; default: the single ObjectMapper in the registry, else the
     * component's own.
     */
    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The ledger and pollers, started on first use: only creates, waits and consumers need them.
     */
    synchronized JobTracker tracker() throws Exception {
        if (tracker == null) {
            JobLedger jobLedger = selectedLedger();
            jobLedger.start();
            pollerScheduler = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "NcluePoller");
            tracker = new JobTracker(jobLedger, pollerScheduler, defaultObjectMapper, statusPollDelay);
            tracker.setStatusListener(metrics);
            tracker.retain(Duration.ofMillis(ledgerRetention), RETENTION_PERIOD);
        }
        return tracker;
    }

    /** The ledger bound, else the JDBC ledger on ledgerDataSource, else the file ledger in ledgerDirectory. */
    private JobLedger selectedLedger() {
        if (ledger != null) {
            return ledger;
        }
        if (ledgerDataSource != null) {
            return new JdbcJobLedger(ledgerDataSource, ledgerTablePrefix);
        }
        return new FileJobLedger(Path.of(ledgerDirectory));
    }

    /** Told of every API call attempt: the listener set here and, when a MeterRegistry is bound, the metrics. */
    ApiCallListener apiCallListener() {
        NclueMetrics recorder = metrics;
        ApiCallListener custom = apiCallListener;
        if (recorder == null) {
            return custom;
        }
        return custom == ApiCallListener.NONE ? recorder : (operation, outcome) -> {
            custom.onOutcome(operation, outcome);
            recorder.onOutcome(operation, outcome);
        };
    }

    void setApiCallListener(ApiCallListener apiCallListener) {
        this.apiCallListener = apiCallListener;
    }

    /** An endpoint's NCLUE rate limiter, so metrics can report how many requests it held back. */
    void rateLimiterInUse(RequestRateLimiter rateLimiter) {
        rateLimiters.add(rateLimiter);
    }

    /** The mapper of requests and replies: the bound (or autowired) one, else the component's own. */
    ObjectMapper objectMapper() {
        return objectMapper != null ? objectMapper : defaultObjectMapper;
    }

    /** The tracker if something started it: the dev console reads it without starting a ledger and pollers. */
    synchronized JobTracker startedTracker() {
        return tracker;
    }

    /** The NCLUE rate limiters of this component's endpoints. */
    Set<RequestRateLimiter> rateLimiters() {
        return Set.copyOf(rateLimiters);
    }

    /** One HTTP client for every endpoint of this component: its connections and threads are shared. */
    synchronized HttpClient httpClient(Duration connectTimeout) {
        if (httpClient == null) {
            // Abort, not Camel's default CallerRuns, which silently drops tasks once the pool is shut down
            ThreadPoolProfile profile = new ThreadPoolProfile("NclueHttp");
            profile.setPoolSize(2);
            profile.setMaxPoolSize(2);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            httpExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "NclueHttp", profile);
            httpClient = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .executor(inFlightSafe(httpExecutor))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return httpClient;
    }

    /**
     * The JDK client never completes an exchange whose next step its executor rejects, and such an exchange would hold
     * the JVM-wide rate limiter of its access key forever: after this component stopped, calls still in flight finish
     * on the common pool.
     */
    private static Executor inFlightSafe(ExecutorService executor) {
        return task -> {
            if (!executor.isShutdown()) {
                try {
                    executor.execute(task);
                    return;
                } catch (RejectedExecutionException e) {
                    // shut down meanwhile, or saturated
                }
            }
            ForkJoinPool.commonPool().execute(task);
        };
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // camel.component.nclue.* numbers that are not numbers are bound by Camel as 0: refuse them by their text
        PropertiesComponent properties = getCamelContext().getPropertiesComponent();
        Map<String, Object> texts = new HashMap<>();
        for (String option : NclueConfiguration.NUMBER_OPTIONS) {
            String kebab = option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            for (String key : List.of(PROPERTY_PREFIX + kebab, PROPERTY_PREFIX + option,
                    PROPERTY_PREFIX + "configuration." + kebab, PROPERTY_PREFIX + "configuration." + option)) {
                properties.resolveProperty(key).ifPresent(value -> texts.put(key, value));
            }
        }
        NclueConfiguration.checkNumberTexts(texts);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Micrometer is optional: look for a MeterRegistry only when its API is on the classpath
        if (getCamelContext().getClassResolver().resolveClass(METER_REGISTRY_CLASS) != null) {
            metrics = NclueMetrics.lookup(getCamelContext(), rateLimiters);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        super.doStop();
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (tracker != null) {
            tracker.close();
            if (ledger == null) {
                tracker.ledger().close();
            }
            getCamelContext().getExecutorServiceManager().shutdown(pollerScheduler);
            tracker = null;
        }
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(httpExecutor);
            httpExecutor = null;
            httpClient = null;
        }
    }
}
