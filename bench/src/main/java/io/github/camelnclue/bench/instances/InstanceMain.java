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
package io.github.camelnclue.bench.instances;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelnclue.BenchHooks;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.NclueEndpoint;
import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.instances.InstanceEvent.Type;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * One application instance, in its own JVM: camel-main configured by properties alone, as users run several
 * (PostgreSQL ledger, a FileLockClusterService on a shared directory, one access key), with {@link InstanceRoutes}.
 * Commands come one a line on stdin ({@code PARK <name> <runId>}, {@code QUIT}); events go to stdout
 * ({@link InstanceEvent}). The keys come in the environment, never on the command line.
 */
public final class InstanceMain {

    static final String ACCESS_KEY_ENV = "NCLUE_BENCH_ACCESS_KEY";
    static final String SECRET_KEY_ENV = "NCLUE_BENCH_SECRET_KEY";
    private static final PrintStream EVENTS = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private InstanceMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String name = args.require("name");
        Main main = new Main();
        Map.of("camel.main.name", name,
                "camel.main.shutdown-timeout", "5",
                "camel.component.nclue.ledger-data-source", "#nclueDs",
                "camel.beans.nclueCluster", "#class:org.apache.camel.component.file.cluster.FileLockClusterService",
                "camel.beans.nclueCluster.root", args.require("cluster-root"),
                "camel.component.nclue.nclue-endpoint", args.require("nclue-endpoint"),
                "camel.component.nclue.status-poll-delay", args.get("status-poll-delay", "1000"))
                .forEach(main::addInitialProperty);
        if ("simple".equals(args.get("data-source", "hikari"))) {
            // a new connection per ledger call, to measure what a pool saves
            main.addInitialProperty("camel.beans.nclueDs", "#class:org.postgresql.ds.PGSimpleDataSource");
            main.addInitialProperty("camel.beans.nclueDs.url", args.require("jdbc-url"));
        } else {
            // as the component's documentation shows it: a pool, the ledger's calls reuse a few connections
            main.addInitialProperty("camel.beans.nclueDs", "#class:com.zaxxer.hikari.HikariDataSource");
            main.addInitialProperty("camel.beans.nclueDs.jdbcUrl", args.require("jdbc-url"));
            main.addInitialProperty("camel.beans.nclueDs.maximumPoolSize", "4");
        }
        // FileLockClusterService reads both in seconds
        main.addInitialProperty("camel.beans.nclueCluster.acquireLockInterval", args.get("lock-interval", "1"));
        main.addInitialProperty("camel.beans.nclueCluster.acquireLockDelay", "1");
        main.addInitialProperty("camel.component.nclue.access-key", System.getenv(ACCESS_KEY_ENV));
        main.addInitialProperty("camel.component.nclue.secret-key", System.getenv(SECRET_KEY_ENV));
        main.configure().addRoutesBuilder(new InstanceRoutes(InstanceMain::emit,
                Duration.ofMinutes(args.getInt("wait-timeout-minutes", 15))));
        main.start();

        CamelContext context = main.getCamelContext();
        NclueEndpoint endpoint = context.getEndpoint(InstanceRoutes.WATCH_URI, NclueEndpoint.class);
        emit(Type.READY, null, null);
        Thread leadership = reportLeadership(name, endpoint);
        ProducerTemplate template = context.createProducerTemplate();
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            // end of input (the benchmark went away) stops the instance as QUIT does
            for (String line = commands.readLine(); line != null && !"QUIT".equals(line);
                    line = commands.readLine()) {
                String[] command = line.split(" ");
                if ("PARK".equals(command[0]) && command.length == 3) {
                    template.asyncSend(InstanceRoutes.WAIT_URI, e -> {
                        e.getMessage().setHeader(NclueConstants.JOB_NAME, command[1]);
                        e.getMessage().setHeader(NclueConstants.RUN_ID, command[2]);
                    });
                }
            }
        }
        leadership.interrupt();
        main.stop();
        System.exit(0);
    }

    static void emit(Type type, String runId, String status) {
        EVENTS.println(InstanceEvent.line(type, runId, status, Instant.now()));
    }

    /** Tells the benchmark each time this instance starts or stops leading the account's task runs. */
    private static Thread reportLeadership(String name, NclueEndpoint endpoint) {
        Thread thread = new Thread(() -> {
            Boolean reported = null;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    boolean leads = BenchHooks.leads(endpoint);
                    if (reported == null || leads != reported) {
                        emit(Type.LEADS, null, String.valueOf(leads));
                        reported = leads;
                    }
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the context is stopping: nobody asks any more
            }
        }, "bench-leadership-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
