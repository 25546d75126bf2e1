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

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.client.ApiCallListener;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.tracking.FileJobLedger;
import io.github.camelnclue.tracking.JdbcJobLedger;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;

/**
 * Runs NAVER Cloud NCLUE jobs (features, task models, task runs and their result files) and DataForest AI apps.
 */
@Component("nclue")
public class NclueComponent extends HealthCheckComponent {

    /** The options Camel's own list of sensitive names misses, as {@link #maskKeysInSummaries} matches them. */
    private static final String SENSITIVE_KEYWORDS = "objectstorageaccesskey,objectstoragesecretkey";

    private static final String PROPERTY_PREFIX = "camel.component.nclue.";
    private static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

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
            camel.beans.nclueDs = #class:com.zaxxer.hikari.HikariDataSource and \
            camel.component.nclue.ledger-data-source = #nclueDs. Use a pooled DataSource: every ledger call takes a \
            connection, and one that opens a new connection each time (PGSimpleDataSource) slows the sweeps down. \
            Ignored when a ledger is set.""")
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
    private NclueRuntime runtime;
    private LifecycleStrategy releaseWaitsOnStop;
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

    /**
     * What runs for this component: worker pool, scheduler, ledger, pollers, HTTP clients and rate limiters. Null
     * while the component is stopped.
     */
    public NclueRuntime runtime() {
        return runtime;
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

    /** Told of every API call attempt: the metrics, when a MeterRegistry is bound. */
    ApiCallListener apiCallListener() {
        NclueMetrics recorder = metrics;
        return recorder != null ? recorder : ApiCallListener.NONE;
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

    /** The mapper of requests and replies: the bound (or autowired) one, else the component's own. */
    ObjectMapper objectMapper() {
        return objectMapper != null ? objectMapper : defaultObjectMapper;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        maskKeysInSummaries(getCamelContext());
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

    /**
     * camel-main's startup summaries and the configuration dev console mask the options whose names Camel knows as
     * sensitive ({@code accessKey} and {@code secretKey} are), and also the context's additional sensitive keywords,
     * matched against the last segment of a property name in lower case: the Object Storage keys are added there.
     */
    private static void maskKeysInSummaries(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String known = extension.getAdditionalSensitiveKeywords();
        if (known == null || !known.contains(SENSITIVE_KEYWORDS)) {
            extension.setAdditionalSensitiveKeywords(known == null || known.isBlank() ? SENSITIVE_KEYWORDS
                    : known + "," + SENSITIVE_KEYWORDS);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // a ledger the user bound is the user's to close; one built here from options is closed with the component
        runtime = new NclueRuntime(getCamelContext(), selectedLedger(), ledger == null, statusPollDelay,
                Duration.ofMillis(ledgerRetention), defaultObjectMapper);
        // Micrometer is optional: look for a MeterRegistry only when its API is on the classpath
        if (getCamelContext().getClassResolver().resolveClass(METER_REGISTRY_CLASS) != null) {
            metrics = NclueMetrics.lookup(getCamelContext(), runtime.rateLimiters());
            runtime.setStatusListener(metrics);
        }
        ServiceHelper.startService(runtime);
        // parked waits hold their exchanges in flight: released when the context starts to stop, the graceful
        // shutdown that follows finds nothing of ours to wait for
        NclueRuntime started = runtime;
        releaseWaitsOnStop = new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                started.releaseParkedWaits();
            }
        };
        getCamelContext().addLifecycleStrategy(releaseWaitsOnStop);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (releaseWaitsOnStop != null) {
            getCamelContext().getLifecycleStrategies().remove(releaseWaitsOnStop);
            releaseWaitsOnStop = null;
        }
        ServiceHelper.stopService(runtime);
        runtime = null;
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}
