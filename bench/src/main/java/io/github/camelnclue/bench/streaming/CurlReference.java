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

/**
 * The reference: {@code curl -s ... URL | wc -l} of the same object from the same S3 server, SigV4-signed by curl
 * (docs/dependencies.md G9 for the header). The keys reach curl through the environment, not the command line.
 */
public final class CurlReference {

    /** One timed download: lines counted by {@code wc -l} and the wall time. */
    public record Result(long lines, double seconds) {
    }

    private static final String COMMAND = "curl -s -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD'"
            + " --aws-sigv4 \"aws:amz:$BENCH_REGION:s3\" --user \"$BENCH_AK:$BENCH_SK\" \"$BENCH_URL\" | wc -l";

    private final String url;
    private final String region;
    private final String accessKey;
    private final String secretKey;

    public CurlReference(String url, String region, String accessKey, String secretKey) {
        this.url = url;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static String command() {
        return COMMAND;
    }

    public Result run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -o pipefail; " + COMMAND);
        builder.environment().put("BENCH_URL", url);
        builder.environment().put("BENCH_REGION", region);
        builder.environment().put("BENCH_AK", accessKey);
        builder.environment().put("BENCH_SK", secretKey);
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IOException("curl failed with exit code " + exit + ": " + out);
        }
        return new Result(Long.parseLong(out), seconds);
    }
}
