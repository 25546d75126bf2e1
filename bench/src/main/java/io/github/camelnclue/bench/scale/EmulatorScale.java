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
package io.github.camelnclue.bench.scale;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelnclue.BenchHooks;
import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.NclueEndpoint;
import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;
import io.github.camelnclue.bench.status.RunFleet;
import io.github.camelnclue.bench.status.SweepRecorder;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.tracking.JobPoller;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What runs against the emulator: {@code watchAll} sweeps over an account holding many ended task runs plus some in
 * flight, then waits parked on the runs in flight (threads and heap), then a stop with waits parked.
 */
final class EmulatorScale {

    /** The watchAll sweeps: the first (which lists the whole account once) and the later ones. */
    record WatchAll(int accountJobs, int inFlight, int firstSweep, List<Integer> laterSweeps, int emitted) {
    }

    /** Parked waits: how many were asked for, parked, failed at once, and what the JVM held. */
    record Waits(int asked, int parked, int failedEarly, String firstFailure, int threadsBefore, int threadsParked,
            List<String> componentThreads, long heapBytes) {
    }

    /** A context stop with waits parked. */
    record Stop(int parked, double stopMillis, int waitsEndedByStop) {
    }

    private final NclueEmulator emulator;
    private final EmulatorApi api;
    private final Path ledgers;
    private List<RunFleet.Run> live = List.of();

    EmulatorScale(NclueEmulator emulator, Path ledgers) {
        this.emulator = emulator;
        this.api = new EmulatorApi(emulator);
        this.ledgers = ledgers;
    }

    /** Fills the account: {@code ended} runs that end at once, then {@code inFlight} that stay registered. */
    void fillAccount(int ended, int inFlight) throws Exception {
        emulator.setQuotaPerSecond(0);
        emulator.setStatusStep(Duration.ofMillis(10));
        DemoChain chain = DemoChain.create(emulator, api);
        List<RunFleet.Run> history = RunFleet.create(api, chain, "history", ended, Duration.ofMillis(1));
        for (RunFleet.Run run : history.subList(Math.max(0, history.size() - 20), history.size())) {
            api.await("/api/v1/task-runs/" + run.id(), Set.of("completed", "failed"), Duration.ofMinutes(5));
        }
        emulator.setStatusStep(Duration.ofHours(6));
        live = RunFleet.create(api, chain, "live", inFlight, Duration.ofMillis(1));
    }

    WatchAll watchAll(int accountJobs, int sweeps) throws Exception {
        CamelContext context = context("watch-all");
        AtomicInteger emitted = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:taskRuns?watchAll=true&maxMessagesPerPoll=1000").routeId("watch-all").autoStartup(false)
                        .process(e -> emitted.incrementAndGet());
            }
        });
        context.start();
        try {
            NclueEndpoint endpoint = context.getEndpoint("nclue:taskRuns?watchAll=true&maxMessagesPerPoll=1000",
                    NclueEndpoint.class);
            SweepRecorder[] recorder = new SweepRecorder[1];
            JobPoller poller = BenchHooks.poller(endpoint, source -> recorder[0] = new SweepRecorder(source));
            recorder[0].poller(poller);
            context.getRouteController().startRoute("watch-all");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (recorder[0].completed() < sweeps && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<SweepRecorder.Sweep> seen = recorder[0].finish();
            List<Integer> requests = seen.stream().map(SweepRecorder.Sweep::requests).toList();
            return new WatchAll(accountJobs, live.size(), requests.isEmpty() ? -1 : requests.get(0),
                    requests.size() > 1 ? requests.subList(1, requests.size()) : List.of(), emitted.get());
        } finally {
            context.stop();
        }
    }

    /** {@code count} waits on the runs in flight (which do not end), parked with {@code operation=get}. */
    Waits parkedWaits(int count) throws Exception {
        CamelContext context = context("waits");
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Object>> waits = new ArrayList<>(count);
        try {
            int threadsBefore = Thread.activeCount();
            long heapBefore = LedgerScale.usedHeapAfterGc();
            for (int i = 0; i < count; i++) {
                String id = live.get(i % live.size()).id();
                waits.add(template.asyncRequestBodyAndHeader(
                        "nclue:taskRuns?operation=get&waitForCompletion=true", null, NclueConstants.RUN_ID, id));
            }
            NclueComponent component = context.getComponent("nclue", NclueComponent.class);
            JobPoller poller = BenchHooks.poller(context.getEndpoint("nclue:taskRuns", NclueEndpoint.class), s -> s);
            // settle: every wait either parked on the poller or failed. Each get waits for its turn at the limiter,
            // which keeps one request in flight (the quota is claimed before a request and released with its reply)
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
            while (System.nanoTime() < deadline && poller.waitCount()
                    + waits.stream().filter(CompletableFuture::isCompletedExceptionally).count() < count) {
                Thread.sleep(200);
            }
            Thread.sleep(2000); // a few sweeps with everything parked
            List<CompletableFuture<Object>> failed = waits.stream().filter(CompletableFuture::isCompletedExceptionally)
                    .toList();
            String firstFailure = failed.isEmpty() ? null : failed.get(0).handle((v, e) -> rootCause(e)).get();
            long heap = LedgerScale.usedHeapAfterGc() - heapBefore;
            int parked = poller.waitCount();
            List<String> componentThreads = componentThreads();
            int threads = Thread.activeCount();
            component.getClass(); // the component stays referenced until the context stops
            return new Waits(count, parked, failed.size(), firstFailure, threadsBefore, threads, componentThreads, heap);
        } finally {
            context.stop();
        }
    }

    /** A context stop with {@code count} waits parked on the runs in flight. */
    Stop stopWithParkedWaits(int count) throws Exception {
        CamelContext context = context("stop");
        context.getShutdownStrategy().setTimeout(30);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Object>> waits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            waits.add(template.asyncRequestBodyAndHeader("nclue:taskRuns?operation=get&waitForCompletion=true", null,
                    NclueConstants.RUN_ID, live.get(i % live.size()).id()));
        }
        JobPoller poller = BenchHooks.poller(context.getEndpoint("nclue:taskRuns", NclueEndpoint.class), s -> s);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (poller.waitCount() < count && System.nanoTime() < deadline
               && waits.stream().noneMatch(CompletableFuture::isCompletedExceptionally)) {
            Thread.sleep(100);
        }
        int parked = poller.waitCount();
        long t0 = System.nanoTime();
        context.stop();
        double millis = (System.nanoTime() - t0) / 1e6;
        int ended = (int) waits.stream().filter(CompletableFuture::isDone).count();
        return new Stop(parked, millis, ended);
    }

    private CamelContext context(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        NclueComponent nclue = context.getComponent("nclue", NclueComponent.class);
        nclue.getConfiguration().setNclueEndpoint(emulator.nclueEndpoint());
        nclue.getConfiguration().setAccessKey(emulator.accessKey());
        nclue.getConfiguration().setSecretKey(emulator.secretKey());
        // the emulator's quota is off: what is counted here is requests, not time
        nclue.getConfiguration().setRequestsPerSecond(500);
        // 10,000 gets sent at once each wait for their turn before they park: the queue must hold them all
        nclue.getConfiguration().setRequestQueueSize(20_000);
        // ... and wait long enough: with one request in flight they take minutes to all get their turn
        nclue.getConfiguration().setRequestQueueTimeout(TimeUnit.MINUTES.toMillis(15));
        nclue.setStatusPollDelay(200);
        nclue.setLedgerDirectory(java.nio.file.Files.createTempDirectory(ledgers, name + "-").toString());
        return context;
    }

    /**
     * The threads the component may have started: its own and the JDK common pool's (its HTTP client, Apache
     * HttpClient's classic one, starts none; the JDK HttpClient thread in this JVM is the bench's {@code EmulatorApi}).
     */
    private static List<String> componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("Nclue") || name.startsWith("ForkJoinPool.commonPool"))
                .sorted().toList();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
