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
package io.github.camelnclue.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelnclue.emulator.clock.JobClock;
import io.github.camelnclue.emulator.clock.StatusHistory;
import io.github.camelnclue.emulator.dataforest.DataForestApi;
import io.github.camelnclue.emulator.faults.Faults;
import io.github.camelnclue.emulator.http.EmulatorHttpServer;
import io.github.camelnclue.emulator.http.QuotaLimiter;
import io.github.camelnclue.emulator.http.Router;
import io.github.camelnclue.emulator.http.SignatureVerifier;
import io.github.camelnclue.emulator.nclue.NclueApi;
import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;
import io.github.camelnclue.emulator.storage.S3Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, strict emulator of NAVER Cloud NCLUE v1 and DataForest AI apps, with a real embedded S3 server as
 * Object Storage.
 * <pre>
 * try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(200)).build().start()) {
 *     DemoData.Seeded demo = DemoData.seed(emu);
 *     // point a client at emu.nclueEndpoint(), emu.dataForestEndpoint(), emu.s3Endpoint()
 *     // with emu.accessKey() / emu.secretKey(), region NclueEmulator.REGION
 * }
 * </pre>
 */
public final class NclueEmulator implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY = "emulator-access-key";
    public static final String DEFAULT_SECRET_KEY = "emulator-secret-key";
    /** Object Storage region name, as for NCP Korea. */
    public static final String REGION = "kr-standard";

    private static final Logger LOG = LoggerFactory.getLogger(NclueEmulator.class);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Builder config;
    private final Faults faults = new Faults();
    private final EmulatorStats stats = new EmulatorStats();
    private final StatusHistory history = new StatusHistory();
    private final AtomicLong resultRows = new AtomicLong(-1);
    private final AtomicReference<Duration> statusStep;

    private S3Server s3;
    private EmulatorObjectStorage storage;
    private JobClock clock;
    private NclueApi nclue;
    private DataForestApi dataForest;
    private EmulatorHttpServer http;
    private QuotaLimiter quota;
    private volatile boolean started;

    private NclueEmulator(Builder config) {
        this.config = config;
        this.statusStep = new AtomicReference<>(config.statusStep);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the S3 server and the NCLUE/DataForest server. Creates no buckets. */
    public synchronized NclueEmulator start() {
        if (started) {
            return this;
        }
        try {
            s3 = new S3Server(config.storageDirectory, config.s3Port, config.accessKey, config.secretKey);
            s3.start();
            storage = s3.objectStorage();
            clock = new JobClock(Clock.systemUTC());

            Router api = new Router();
            nclue = new NclueApi(clock, history, statusStep::get, storage, stats::countCreated, resultRows::get);
            nclue.register(api);
            dataForest = new DataForestApi(clock, config.statusStep, history, () -> stats.countCreated(JobKind.AI_APP),
                    this::dataForestEndpoint);
            dataForest.register(api);

            Router admin = new Router();
            new AdminApi(stats, faults, history, resultRows, dataForest).register(admin);

            SignatureVerifier verifier = new SignatureVerifier(Map.of(config.accessKey, config.secretKey),
                    Clock.systemUTC(), MAX_CLOCK_SKEW);
            quota = new QuotaLimiter(config.quotaPerSecond, config.quotaTolerance, System::nanoTime);
            http = new EmulatorHttpServer(config.nclueBasePort, api, admin, verifier, quota, faults,
                    stats.requestStats(), Map.of(DataForestApi.PATH_PREFIX, DataForestApi::unexpected));
            http.start();
            started = true;
            LOG.info("NCLUE emulator started: API {} , S3 {}", nclueEndpoint(), s3Endpoint());
            return this;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Cannot start the NCLUE emulator: " + e.getMessage(), e);
        }
    }

    /** Base URL of NCLUE; request paths are {@code /api/v1/...}. */
    public String nclueEndpoint() {
        return "http://127.0.0.1:" + requireStarted(http).port();
    }

    /** Base URL of DataForest (the same server); request paths are {@code /api/v2/...}. */
    public String dataForestEndpoint() {
        return nclueEndpoint();
    }

    /** Base URL of the S3 server (path-style addressing, region {@link #REGION}, the same key pair). */
    public String s3Endpoint() {
        return "http://127.0.0.1:" + requireStarted(s3).port();
    }

    public String region() {
        return REGION;
    }

    public String accessKey() {
        return config.accessKey;
    }

    public String secretKey() {
        return config.secretKey;
    }

    public EmulatorObjectStorage objectStorage() {
        return requireStarted(storage);
    }

    /** Where the S3 backend keeps objects ({@code bucket/key} files). */
    public Path storageDirectory() {
        return requireStarted(s3).directory();
    }

    public Faults faults() {
        return faults;
    }

    public EmulatorStats stats() {
        return stats;
    }

    /** Every status a job (feature, task, task run, profile or AI app) went through, oldest first; empty when unknown. */
    public List<StatusChange> statusHistory(String id) {
        return history.of(id);
    }

    /**
     * Makes every task run and profile completing from now on write {@code n} synthetic rows instead of one row per
     * user of its feature (for benchmarks and tests with large results); a negative value restores the default.
     */
    public void setResultRows(long n) {
        resultRows.set(n < 0 ? -1 : n);
    }

    /** Id of the one AI workspace, for {@code aiapps/submit}. */
    public String aiWorkspaceId() {
        return requireStarted(dataForest).workspaceId();
    }

    /** DataForest account id, for the {@code getList} searches. */
    public String dataForestAccountId() {
        return requireStarted(dataForest).accountId();
    }

    /** The status step NCLUE jobs use now (AI apps keep the step the emulator was built with). */
    public Duration statusStep() {
        return statusStep.get();
    }

    /**
     * Changes the time NCLUE jobs (features, tasks, task runs) spend in each status, for steps scheduled from now on
     * (a job already waiting in a status keeps its current step); AI apps keep the built step. For benchmarks that set
     * up quickly and then watch slow jobs.
     */
    public void setStatusStep(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("statusStep must not be negative");
        }
        statusStep.set(step);
    }

    /**
     * Changes the NCLUE quota (requests per second per access key; 0 = unlimited) from now on, for benchmarks that
     * create many jobs quickly and then measure under the real quota.
     */
    public void setQuotaPerSecond(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("quotaPerSecond must not be negative");
        }
        requireStarted(quota).setPerSecond(perSecond);
    }

    @Override
    public synchronized void close() {
        started = false;
        if (http != null) {
            http.close();
        }
        if (clock != null) {
            clock.close();
        }
        if (nclue != null) {
            nclue.close();
        }
        if (s3 != null) {
            try {
                s3.close();
            } catch (Exception e) {
                LOG.warn("Error stopping the S3 server", e);
            }
        }
        http = null;
        quota = null;
        clock = null;
        nclue = null;
        s3 = null;
    }

    private <T> T requireStarted(T component) {
        if (!started || component == null) {
            throw new IllegalStateException("The NCLUE emulator is not started");
        }
        return component;
    }

    /** Configuration; every setting has a default fit for tests. */
    public static final class Builder {

        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private Duration statusStep = Duration.ofSeconds(2);
        private double quotaPerSecond = 1;
        private Duration quotaTolerance = Duration.ofMillis(25);
        private int nclueBasePort;
        private int s3Port;
        private Path storageDirectory;

        private Builder() {
        }

        public Builder accessKey(String accessKey) {
            this.accessKey = requireText(accessKey, "accessKey");
            return this;
        }

        public Builder secretKey(String secretKey) {
            this.secretKey = requireText(secretKey, "secretKey");
            return this;
        }

        /** Time a job spends in each of registered, pending and in_progress (AI apps: ACCEPTED, RUNNING). */
        public Builder statusStep(Duration statusStep) {
            if (statusStep.isNegative()) {
                throw new IllegalArgumentException("statusStep must not be negative");
            }
            this.statusStep = statusStep;
            return this;
        }

        /** NCLUE requests per second per access key; 0 = unlimited. */
        public Builder quotaPerSecond(double quotaPerSecond) {
            if (quotaPerSecond < 0) {
                throw new IllegalArgumentException("quotaPerSecond must not be negative");
            }
            this.quotaPerSecond = quotaPerSecond;
            return this;
        }

        /** How early a request may come and still pass the quota (network jitter); default 25 ms. */
        public Builder quotaTolerance(Duration quotaTolerance) {
            this.quotaTolerance = Objects.requireNonNull(quotaTolerance, "quotaTolerance");
            return this;
        }

        /** Port of the NCLUE + DataForest server; 0 = ephemeral. */
        public Builder nclueBasePort(int port) {
            this.nclueBasePort = checkPort(port);
            return this;
        }

        /** Port of the S3 server; 0 = ephemeral. */
        public Builder s3Port(int port) {
            this.s3Port = checkPort(port);
            return this;
        }

        /** Directory of the S3 {@code filesystem} backend, kept on close; default a temporary directory deleted on close. */
        public Builder storageDirectory(Path storageDirectory) {
            this.storageDirectory = storageDirectory;
            return this;
        }

        public NclueEmulator build() {
            return new NclueEmulator(copy());
        }

        private Builder copy() {
            Builder b = new Builder();
            b.accessKey = accessKey;
            b.secretKey = secretKey;
            b.statusStep = statusStep;
            b.quotaPerSecond = quotaPerSecond;
            b.quotaTolerance = quotaTolerance;
            b.nclueBasePort = nclueBasePort;
            b.s3Port = s3Port;
            b.storageDirectory = storageDirectory;
            return b;
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            return port;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
