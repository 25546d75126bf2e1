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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelnclue.NclueEndpoint;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.exception.NclueIoException;
import io.github.camelnclue.tracking.JdbcJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: runs {@code routes/*.yaml} under camel-main until the chain ends, then exits 0 (completed); 1 when a
 * job failed, the model was below the AUROC gate, or the chain cannot go on (an exchange failed for good, e.g. NCLUE
 * answered 401, 403 or 404), with a one-line reason; 2 if it did not end in time. Without NCP credentials it starts
 * the local emulator with demo data and points the component at it; with {@code NCP_ACCESS_KEY}/{@code NCP_SECRET_KEY}
 * it talks to NAVER Cloud. A rerun of a chain that ended (same job prefix and ledger directory) reports the recorded
 * outcome without starting the routes.
 * <p>
 * System properties starting with {@code nclue.} or {@code camel.} override {@code routes/application.properties};
 * {@code nclue.ledger.jdbc-url} (+ {@code .user}, {@code .password}) selects the PostgreSQL ledger.
 * <p>
 * {@code --dry-run} (or {@code nclue.dry-run=true}) runs the chain's starting routes with every nclue endpoint in dry
 * run, prints what they would create or adopt, and exits 0: see {@link DryRunReport}.
 */
public final class NclueRunner {

    /** The exchange property the chain's last step sets: completed or failed. */
    static final String CHAIN_PROPERTY = "nclueChain";
    /** The setting (and, as {@code --dry-run}, the argument) that runs the chain as a dry run. */
    static final String DRY_RUN = "nclue.dry-run";
    /** How the outcome starts when an exchange failed for good or polls are refused. */
    static final String CANNOT_GO_ON = "cannot go on: ";
    /** The outcome when the runner is told to stop (SIGTERM: a deploy, docker stop) before the chain ended. */
    static final String STOPPED = "stopped before it ended: a rerun with this job prefix resumes it";

    private static final Logger LOG = LoggerFactory.getLogger(NclueRunner.class);

    private NclueRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("nclue.") || name.startsWith("camel."))
                .forEach(name -> settings.put(name, System.getProperty(name)));
        if (List.of(args).contains("--dry-run")) {
            settings.put(DRY_RUN, "true");
        }
        String outcome = run(Path.of(System.getProperty("nclue.routes-dir", "routes")), settings);
        System.exit(outcome == null ? 2 : outcome.startsWith("completed") || outcome.startsWith("dry run") ? 0 : 1);
    }

    /**
     * Runs the chain until an exchange carries its outcome.
     *
     * @param  settings properties overriding {@code application.properties} ({@code camel.*}, {@code nclue.*})
     * @return          the outcome ({@code completed ...}, {@code failed ...}, or {@code dry run ...} with what would be
     *                  sent), or null if it did not end in time
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
        main.setPropertyPlaceholderLocations("file:" + properties(routesDir) + ";optional=true");
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
        // camel-main's SIGTERM hook waits (up to a minute) for the context to stop, which the finally block below does
        main.getShutdownStrategy().addShutdownListener(() -> outcome.complete(STOPPED));
        boolean dryRun = Boolean.parseBoolean(settings.get(DRY_RUN));
        DryRunReport dryRunReport = dryRun ? new DryRunReport(outcome) : null;
        if (dryRun) {
            LOG.info("Dry run: nothing is sent to NCLUE or written to Object Storage; no consumer route is started");
            main.addOverrideProperty("camel.component.nclue.dry-run", "true");
            main.addOverrideProperty("camel.main.auto-startup", "false");
            main.bind("nclueDryRun", dryRunReport);
        } else {
            // camel-main installs every EventNotifier bean it finds in the registry
            main.bind("nclueChainOutcome", new ChainOutcome(outcome));
        }
        try {
            // configured (properties, routes) but not started: a chain that ended must not run its routes again
            main.init();
            CamelContext context = main.getCamelContext();
            if (dryRunReport != null) {
                // a dry run always runs, and leaves no outcome record: it did nothing
                main.start();
                dryRunReport.startChain(context);
                String result = outcome.get(Long.parseLong(settings.getOrDefault("nclue.runner.timeout-seconds",
                        "600")), TimeUnit.SECONDS);
                LOG.info("The chain's {}", result);
                return result;
            }
            // a rerun of a chain that ended has nothing left to wait for: every status change was emitted before.
            // The record lives with the file ledger (files of its own names only), so deleting the ledger forgets it.
            Path record = Path.of(context.resolvePropertyPlaceholders(
                    "{{camel.component.nclue.ledger-directory:target/nclue-ledger}}"), "chain-outcomes",
                    context.resolvePropertyPlaceholders("{{nclue.job-prefix:chain}}"));
            String result;
            if (Files.isRegularFile(record)) {
                result = Files.readString(record).strip() + " (in an earlier run with this job prefix)";
            } else {
                main.start();
                result = awaitOutcome(context, outcome, Duration.ofSeconds(
                        Long.parseLong(settings.getOrDefault("nclue.runner.timeout-seconds", "600"))));
                // the chain's own ends, not "cannot go on": after fixing the settings a rerun resumes the same jobs
                if (!result.startsWith(CANNOT_GO_ON) && !result.equals(STOPPED)) {
                    Files.createDirectories(record.getParent());
                    Files.writeString(record, result + "\n");
                }
            }
            if (result.startsWith("completed")) {
                LOG.info("The chain {}", result);
            } else if (result.equals(STOPPED)) {
                LOG.warn("The chain {}", result);
            } else {
                LOG.error("The chain {}", result);
            }
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

    /**
     * The chain's outcome; or why it cannot go on when an {@code nclue:} consumer's polls are refused for good (the
     * create went through, but listing the jobs is answered 401, 403 or 404: no status change will ever arrive).
     */
    private static String awaitOutcome(CamelContext context, CompletableFuture<String> outcome, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return outcome.get(Math.min(1_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String refused = refusedPolls(context);
                if (refused != null) {
                    return refused;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
        }
    }

    /** From the consumers' health checks, which carry the last poll's exception. */
    private static String refusedPolls(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return null;
        }
        return registry.stream()
                .filter(check -> check.getId().startsWith("consumer:"))
                .map(HealthCheck::call)
                .filter(result -> result.getState() == HealthCheck.State.DOWN)
                .filter(result -> result.getError().orElse(null) instanceof NclueApiException api
                                  && isRefusal(api))
                .findFirst()
                .map(result -> CANNOT_GO_ON + "route " + result.getCheck().getId().substring("consumer:".length())
                               + " cannot poll: " + oneLine(result.getError().get()))
                .orElse(null);
    }

    private static boolean isRefusal(NclueApiException api) {
        int status = api.getHttpResponseCode();
        return status == 401 || status == 403 || status == 404;
    }

    /** The exception's message on one line, with what to check for the replies that mean the settings are wrong. */
    static String oneLine(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        if (!(cause instanceof NclueApiException api)) {
            return message;
        }
        return message + switch (api.getHttpResponseCode()) {
            case 401 -> " - check NCP_ACCESS_KEY and NCP_SECRET_KEY (and that the clock is right)";
            case 403 -> " - the key's account lacks permission for NCLUE, DataForest or Object Storage";
            case 404 -> " - check NCLUE_ENDPOINT (the base URL, without /api/v1) and the ids the chain uses";
            default -> "";
        };
    }

    /**
     * The routes directory's application.properties, or the nearest ancestor's (routes/examples and
     * routes/examples/shopping-intents share that of routes/); the directory's own when none exists.
     */
    static Path properties(Path routesDir) {
        Path own = routesDir.resolve("application.properties");
        for (Path dir = routesDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("application.properties"))) {
                return dir.resolve("application.properties");
            }
        }
        return own;
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

    /**
     * Completes with the chain's outcome when an exchange ends carrying it, or with the reason the chain cannot go on
     * when an exchange fails for good. The component has already retried what it retries (429, 5xx, connection
     * errors); after that nothing would resume the chain, except for a transient error in an exchange of an
     * {@code nclue:} consumer, which offers the change again on its next poll.
     */
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
            } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                Exchange exchange = failed.getExchange();
                Throwable cause = exchange.getException();
                if (cause != null && !(exchange.getFromEndpoint() instanceof NclueEndpoint && isTransient(cause))) {
                    outcome.complete(CANNOT_GO_ON + "route " + exchange.getFromRouteId() + " failed: "
                                     + oneLine(cause));
                }
            }
        }

        private static boolean isTransient(Throwable cause) {
            return cause instanceof NclueIoException
                   || cause instanceof NclueApiException api
                      && (api.getHttpResponseCode() == 429 || api.getHttpResponseCode() >= 500);
        }
    }
}
