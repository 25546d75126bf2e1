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
package io.github.camelnclue.bench.streaming;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.Sample;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The measured JVM (started by {@link StreamingBench} with a small heap): camel-main with its defaults (stream caching
 * on), the routes of {@link StreamingRoutes}, and curl as the reference, interleaved in every repetition. Writes a
 * Markdown report.
 */
public final class StreamingRun {

    private static final String CURL = "curl + wc -l";
    private static final String PARSE_LINES = "parsing alone (local file, no S3, no Camel): lines/" + ParseReference.BATCH;
    private static final String PARSE_ROWS = "parsing alone (local file, no S3, no Camel): rows/" + ParseReference.BATCH;

    private final Args args;
    private final StreamingRoutes routes;
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();
    private final Map<String, Long> peakHeap = new LinkedHashMap<>();
    private final Map<String, Long> collections = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private String streamCaching;

    private StreamingRun(Args args) {
        this.args = args;
        String s3 = args.require("s3-endpoint");
        String bucketAndKey = args.require("object-url").substring(s3.length() + 1);
        int slash = bucketAndKey.indexOf('/');
        this.routes = new StreamingRoutes(new StreamingRoutes.Peer(s3, args.require("region"),
                bucketAndKey.substring(0, slash), bucketAndKey.substring(slash + 1), System.getenv("BENCH_AK"),
                System.getenv("BENCH_SK")));
    }

    /** The variants this run measures: --variants=a,b, or all but the peer with stream caching on. */
    private List<StreamingRoutes.Variant> selected() {
        String wanted = args.get("variants", "");
        return routes.variants().values().stream()
                .filter(v -> wanted.isBlank() ? !StreamingRoutes.PEER_CACHED.equals(v.name())
                        : List.of(wanted.split(",")).contains(v.name()))
                .toList();
    }

    public static void main(String[] argv) throws Exception {
        StreamingRun run = new StreamingRun(new Args(argv));
        System.exit(run.runInCamelMain());
    }

    private int runInCamelMain() throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(routes);
        main.addInitialProperty("camel.main.name", "nclue-bench-streaming");
        main.addInitialProperty("camel.component.nclue.nclueEndpoint", args.require("nclue-endpoint"));
        main.addInitialProperty("camel.component.nclue.objectStorageEndpoint", args.require("s3-endpoint"));
        main.addInitialProperty("camel.component.nclue.region", args.require("region"));
        main.addInitialProperty("camel.component.nclue.accessKey", System.getenv("BENCH_AK"));
        main.addInitialProperty("camel.component.nclue.secretKey", System.getenv("BENCH_SK"));
        main.addInitialProperty("camel.component.nclue.ledgerDirectory", args.require("ledger-dir"));
        // the emulator's quota is off here: getResult's one API read per run must not wait for the 1 request/s pacing
        main.addInitialProperty("camel.component.nclue.requestsPerSecond", "50");
        int[] exit = { 1 };
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                Thread bench = new Thread(() -> {
                    try {
                        measure(started.getCamelContext());
                        exit[0] = 0;
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        main.completed();
                    }
                }, "bench");
                bench.start();
            }
        });
        main.run();
        return exit[0];
    }

    private void measure(CamelContext context) throws Exception {
        streamCaching = context.isStreamCaching() + " (strategy enabled: "
                        + context.getStreamCachingStrategy().isEnabled() + ", spool enabled: "
                        + context.getStreamCachingStrategy().isSpoolEnabled() + ")";
        CurlReference curl = new CurlReference(args.require("object-url"), args.require("region"),
                System.getenv("BENCH_AK"), System.getenv("BENCH_SK"));
        ProducerTemplate template = context.createProducerTemplate();
        int warmups = args.getInt("warmups", 2);
        int repetitions = args.getInt("repetitions", 5);
        for (int i = 0; i < warmups + repetitions; i++) {
            boolean measured = i >= warmups;
            if (args.get("variants", "").isBlank()) {
                CurlReference.Result reference = curl.run();
                record(CURL, measured, reference.seconds(), -1, -1, reference.lines());
                Path local = Path.of(args.require("local-file"));
                for (boolean columns : new boolean[] { false, true }) {
                    HeapProbe heap = new HeapProbe();
                    heap.start();
                    ParseReference.Result parsed = ParseReference.run(local, columns);
                    record(columns ? PARSE_ROWS : PARSE_LINES, measured, parsed.seconds(), heap.peakUsedBytes(),
                            heap.collections(), parsed.rows());
                }
            }
            for (StreamingRoutes.Variant variant : selected()) {
                runVariant(template, variant, measured);
            }
            System.out.printf("%s %d/%d done%n", measured ? "repetition" : "warm-up",
                    measured ? i - warmups + 1 : i + 1, measured ? repetitions : warmups);
        }
        String report = report();
        Files.writeString(Path.of(args.require("output")), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private void runVariant(ProducerTemplate template, StreamingRoutes.Variant variant, boolean measured) {
        HeapProbe heap = new HeapProbe();
        variant.counter().reset();
        heap.start();
        long start = System.nanoTime();
        template.requestBodyAndHeader(variant.endpoint(), null, NclueConstants.RUN_ID, args.require("run-id"));
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (variant.counter().malformed() > 0) {
            throw new IllegalStateException(variant.name() + ": " + variant.counter().malformed() + " malformed rows");
        }
        record(variant.name(), measured, elapsed, heap.peakUsedBytes(), heap.collections(), variant.counter().rows());
    }

    private void record(String name, boolean measured, double elapsed, long peak, long gcs, long count) {
        if (!measured) {
            return;
        }
        seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(elapsed);
        peakHeap.merge(name, peak, Math::max);
        collections.merge(name, gcs, Math::max);
        Long previous = rows.put(name, count);
        if (previous != null && previous != count) {
            throw new IllegalStateException(name + " counted " + previous + " then " + count + " rows");
        }
    }

    private String report() {
        double curlMedian = seconds.containsKey(CURL) ? new Sample(seconds.get(CURL)).median() : Double.NaN;
        long expected = args.getLong("lines", 0);
        StringBuilder md = new StringBuilder();
        md.append("Object: ").append(args.require("bytes")).append(" bytes, ").append(expected)
                .append(" lines, ").append(ResultFileWriter.COLUMNS).append(" columns. JVM: -Xmx")
                .append(HeapProbe.maxHeapBytes() / (1024 * 1024)).append("m (max heap as reported by the JVM), ")
                .append(args.getInt("warmups", 2)).append(" warm-up + ").append(args.getInt("repetitions", 5))
                .append(" measured repetitions, interleaved. Stream caching: ").append(streamCaching).append(".\n\n");
        md.append("| Variant | median s | min s | max s | × curl (median) | rows counted | peak heap used MiB | GCs per run (max) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
            Sample sample = new Sample(entry.getValue());
            String name = entry.getKey();
            boolean isCurl = CURL.equals(name);
            md.append(String.format("| %s | %.3f | %.3f | %.3f | %s | %,d%s | %s | %s |%n", name, sample.median(),
                    sample.min(), sample.max(), isCurl ? "1.00" : String.format("%.2f", sample.median() / curlMedian),
                    rows.get(name), rows.get(name) == expected ? "" : " (expected " + expected + ")",
                    isCurl ? "n/a" : String.format("%.1f", peakHeap.get(name) / 1024.0 / 1024.0),
                    isCurl ? "n/a" : collections.get(name)));
        }
        return md.toString();
    }
}
