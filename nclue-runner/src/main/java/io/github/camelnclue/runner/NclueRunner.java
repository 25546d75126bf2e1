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
package io.github.camelnclue.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.tracking.JdbcJobLedger;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: runs {@code routes/*.yaml} under camel-main until the chain ends, then exits 0 (completed) or 1
 * (a job failed or the model was below the AUROC gate), 2 if it did not end in time. Without NCP credentials it starts the local emulator with demo
 * data and points the component at it; with {@code NCP_ACCESS_KEY}/{@code NCP_SECRET_KEY} it talks to NAVER Cloud.
 * <p>
 * System properties starting with {@code nclue.} or {@code camel.} override {@code routes/application.properties};
 * {@code nclue.ledger.jdbc-url} (+ {@code .user}, {@code .password}) selects the PostgreSQL ledger.
 */
public final class NclueRunner {

    /** The exchange property the chain's last step sets: completed or failed. */
    static final String CHAIN_PROPERTY = "nclueChain";

    private static final Logger LOG = LoggerFactory.getLogger(NclueRunner.class);

    private NclueRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("nclue.") || name.startsWith("camel."))
                .forEach(name -> settings.put(name, System.getProperty(name)));
        String outcome = run(Path.of(System.getProperty("nclue.routes-dir", "routes")), settings);
        System.exit(outcome == null ? 2 : outcome.startsWith("completed") ? 0 : 1);
    }

    /**
     * Runs the chain until an exchange carries its outcome.
     *
     * @param  settings properties overriding {@code application.properties} ({@code camel.*}, {@code nclue.*})
     * @return          the outcome ({@code completed ...} or {@code failed ...}), or null if it did not end in time
     */
    public static String run(Path routesDir, Map<String, String> settings) throws Exception {
        if (!Files.isDirectory(routesDir)) {
            throw new IllegalArgumentException("no routes directory " + routesDir.toAbsolutePath()
                                               + ": run from the repository root or set -Dnclue.routes-dir");
        }
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "nclue-runner");
        main.addInitialProperty("camel.main.routes-include-pattern",
                settings.getOrDefault("camel.main.routes-include-pattern", "file:" + routesDir + "/*.yaml"));
        main.setPropertyPlaceholderLocations("file:" + routesDir + "/application.properties;optional=true");
        if (System.getenv("NCLUE_JOB_PREFIX") == null) {
            // names are unique per resource: a fresh prefix per run, unless a restart must resume the same jobs
            main.addOverrideProperty("nclue.job-prefix",
                    "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        NclueEmulator emulator = null;
        if (!hasCredentials(settings)) {
            emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(
                    Long.parseLong(settings.getOrDefault("nclue.emulator.status-step", "300")))).build().start();
            DemoData.seed(emulator);
            pointAt(main, emulator);
        }
        settings.forEach(main::addOverrideProperty);
        String jdbcUrl = settings.get("nclue.ledger.jdbc-url");
        if (jdbcUrl != null) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            dataSource.setUser(settings.get("nclue.ledger.jdbc-user"));
            dataSource.setPassword(settings.get("nclue.ledger.jdbc-password"));
            main.bind("nclueLedger", new JdbcJobLedger(dataSource));
        }
        CompletableFuture<String> outcome = new CompletableFuture<>();
        // camel-main installs every EventNotifier bean it finds in the registry
        main.bind("nclueChainOutcome", new ChainOutcome(outcome));
        try {
            main.start();
            String result = outcome.get(Long.parseLong(settings.getOrDefault("nclue.runner.timeout-seconds", "600")),
                    TimeUnit.SECONDS);
            LOG.info("The chain {}", result);
            return result;
        } catch (TimeoutException e) {
            LOG.error("The chain did not end in time");
            return null;
        } finally {
            main.stop();
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private static boolean hasCredentials(Map<String, String> settings) {
        return notBlank(System.getenv("NCP_ACCESS_KEY")) && notBlank(System.getenv("NCP_SECRET_KEY"))
               || notBlank(settings.get("camel.component.nclue.access-key"));
    }

    private static void pointAt(Main main, NclueEmulator emulator) {
        LOG.info("No NCP credentials (NCP_ACCESS_KEY/NCP_SECRET_KEY): running against the local NCLUE emulator at {}"
                 + " with Object Storage at {}", emulator.nclueEndpoint(), emulator.s3Endpoint());
        emulatorSettings(emulator).forEach(main::addOverrideProperty);
    }

    /** The component and chain settings that point routes/ at an emulator seeded with {@link DemoData}. */
    static Map<String, String> emulatorSettings(NclueEmulator emulator) {
        return Map.of(
                "camel.component.nclue.access-key", emulator.accessKey(),
                "camel.component.nclue.secret-key", emulator.secretKey(),
                "camel.component.nclue.nclue-endpoint", emulator.nclueEndpoint(),
                "camel.component.nclue.data-forest-endpoint", emulator.dataForestEndpoint(),
                "camel.component.nclue.object-storage-endpoint", emulator.s3Endpoint(),
                "camel.component.nclue.region", emulator.region(),
                "nclue.bucket", DemoData.BUCKET,
                "nclue.feature-path", DemoData.FEATURE_KEY,
                "nclue.train-label-path", DemoData.TRAIN_LABEL_KEY,
                "nclue.result-path", DemoData.RESULT_PREFIX);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Completes with the chain's outcome when an exchange ends carrying it. */
    private static final class ChainOutcome extends EventNotifierSupport {

        private final CompletableFuture<String> outcome;

        ChainOutcome(CompletableFuture<String> outcome) {
            this.outcome = outcome;
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeCompletedEvent completed) {
                String result = completed.getExchange().getProperty(CHAIN_PROPERTY, String.class);
                if (result != null) {
                    outcome.complete(result);
                }
            }
        }
    }
}
