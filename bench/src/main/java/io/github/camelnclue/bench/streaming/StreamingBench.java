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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnclue.bench.Args;
import io.github.camelnclue.bench.DemoChain;
import io.github.camelnclue.bench.EmulatorApi;
import io.github.camelnclue.bench.Machine;
import io.github.camelnclue.emulator.NclueEmulator;

/**
 * Result streaming benchmark (issue 3). This JVM hosts the emulator and its S3 server; it writes a 1.2M-line, ~200 MB
 * result, makes a completed task run point at it, then starts {@link StreamingRun} in its own JVM with {@code -Xmx64m}
 * (the emulator's heap is not counted) and prints its report.
 * <p>
 * Options: {@code --lines=1200000 --heap=64m --warmups=2 --repetitions=5 --output=target/streaming-results.md}.
 */
public final class StreamingBench {

    private StreamingBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        long lines = args.getLong("lines", 1_200_000);
        Path output = Path.of(args.get("output", "target/streaming-results.md")).toAbsolutePath();
        Files.createDirectories(output.getParent());
        Path work = Files.createTempDirectory("nclue-bench-streaming-");
        try (NclueEmulator emu = NclueEmulator.builder().statusStep(Duration.ofMillis(50)).quotaPerSecond(0)
                .storageDirectory(work.resolve("s3")).build().start()) {
            EmulatorApi api = new EmulatorApi(emu);
            DemoChain chain = DemoChain.create(emu, api);
            String runId = chain.createRun(api, "bench-streaming");
            JsonNode run = api.await("/api/v1/task-runs/" + runId, Set.of("completed", "failed"), Duration.ofMinutes(1));
            String key = run.path("result_file_path").asText();

            Path file = work.resolve("result.tsv");
            long start = System.nanoTime();
            ResultFileWriter.write(file, lines);
            long bytes = Files.size(file);
            // the run's real result object is replaced by the big one: getResult resolves this key from the run
            emu.objectStorage().putObject(chain.bucket(), key, file);
            System.out.printf("Wrote s3://%s/%s: %,d lines, %,d bytes in %.1f s%n", chain.bucket(), key, lines, bytes,
                    (System.nanoTime() - start) / 1e9);

            String objectUrl = emu.s3Endpoint() + "/" + chain.bucket() + "/" + key;
            int exit = runMeasuredJvm(args, emu, runId, objectUrl, lines, bytes, work, output, List.of(), null);
            if (exit != 0) {
                throw new IllegalStateException("the measured JVM failed with exit code " + exit);
            }
            String cached = peerWithStreamCaching(args, emu, runId, objectUrl, lines, bytes, work);
            String report = "Machine: " + Machine.describe() + "\n\n" + Files.readString(output, StandardCharsets.UTF_8)
                            + "\n" + cached + "\n";
            Files.writeString(output, report, StandardCharsets.UTF_8);
            System.out.println("Report written to " + output);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The peer's route with stream caching left on (camel-main's default), once, in its own JVM with the same heap:
     * docs/dependencies.md G2 says the whole object is cached in heap; this records what happens.
     */
    private static String peerWithStreamCaching(Args args, NclueEmulator emu, String runId, String objectUrl,
                                                long lines, long bytes, Path work)
            throws IOException, InterruptedException {
        Path log = work.resolve("peer-stream-cache-on.log");
        int exit = runMeasuredJvm(args, emu, runId, objectUrl, lines, bytes, work, work.resolve("peer-cached.md"),
                List.of("--variants=" + StreamingRoutes.PEER_CACHED, "--warmups=0", "--repetitions=1"), log);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String outcome = text.contains("OutOfMemoryError") ? "**OutOfMemoryError** (" + firstLine(text, "OutOfMemoryError")
                                                             + "), exit code " + exit
                : exit == 0 ? "completed: " + Files.readString(work.resolve("peer-cached.md")).lines()
                        .filter(l -> l.startsWith("| " + StreamingRoutes.PEER_CACHED)).findFirst().orElse("?")
                        : "failed with exit code " + exit + ": " + firstLine(text, "Exception");
        System.out.println("Peer with stream caching on: " + outcome);
        return "Peer with stream caching **on** (`" + StreamingRoutes.PEER_CACHED + "`, same -Xmx, one run): " + outcome
               + ".";
    }

    private static String firstLine(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElse("").trim();
    }

    private static int runMeasuredJvm(Args args, NclueEmulator emu, String runId, String objectUrl, long lines,
                                      long bytes, Path work, Path output, List<String> extra, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + args.get("heap", "64m"));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        String jvmExtra = args.get("jvm-extra", "");
        // the profile (e.g. a JFR recording) is of the measured run, not of the stream-caching check
        if (!jvmExtra.isBlank() && extra.isEmpty()) {
            command.addAll(List.of(jvmExtra.split(" ")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StreamingRun.class.getName());
        command.add("--nclue-endpoint=" + emu.nclueEndpoint());
        command.add("--s3-endpoint=" + emu.s3Endpoint());
        command.add("--region=" + emu.region());
        command.add("--run-id=" + runId);
        command.add("--object-url=" + objectUrl);
        command.add("--lines=" + lines);
        command.add("--bytes=" + bytes);
        command.add("--ledger-dir=" + work.resolve("ledger"));
        // the uploaded object's local copy, for the parsing-alone reference
        command.add("--local-file=" + work.resolve("result.tsv"));
        command.add("--warmups=" + args.get("warmups", "2"));
        command.add("--repetitions=" + args.get("repetitions", "5"));
        command.add("--output=" + output);
        if (extra.isEmpty() && !args.get("variants", "").isBlank()) {
            command.add("--variants=" + args.get("variants", ""));
        }
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log != null) {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder.inheritIO();
        }
        // the emulator's fixed development keys, passed outside the command line anyway
        builder.environment().put("BENCH_AK", emu.accessKey());
        builder.environment().put("BENCH_SK", emu.secretKey());
        return builder.start().waitFor();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
