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
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator until Ctrl-C, like LocalStack. Options are {@code --name=value} arguments or
 * {@code nclue.emulator.name} system properties (arguments win):
 * <ul>
 * <li>{@code port} (NCLUE + DataForest, default 15080), {@code s3-port} (default 15090); 0 = ephemeral</li>
 * <li>{@code access-key}, {@code secret-key} (defaults {@value NclueEmulator#DEFAULT_ACCESS_KEY} /
 * {@value NclueEmulator#DEFAULT_SECRET_KEY})</li>
 * <li>{@code status-step} (milliseconds or ISO-8601 like PT2S, default 2000), {@code quota} (requests/s, default 1,
 * 0 = unlimited)</li>
 * <li>{@code storage-dir} (S3 files; default a temporary directory deleted on exit)</li>
 * <li>{@code --seed}: create the demo bucket {@value DemoData#BUCKET} and its files</li>
 * </ul>
 */
public final class NclueEmulatorMain {

    static final int DEFAULT_PORT = 15080;
    static final int DEFAULT_S3_PORT = 15090;

    private NclueEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // quiet by default: S3Proxy logs every request at INFO otherwise
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Options options = new Options(args);
        NclueEmulator.Builder builder = NclueEmulator.builder()
                .nclueBasePort(Integer.parseInt(options.get("port", String.valueOf(DEFAULT_PORT))))
                .s3Port(Integer.parseInt(options.get("s3-port", String.valueOf(DEFAULT_S3_PORT))))
                .accessKey(options.get("access-key", NclueEmulator.DEFAULT_ACCESS_KEY))
                .secretKey(options.get("secret-key", NclueEmulator.DEFAULT_SECRET_KEY))
                .statusStep(duration(options.get("status-step", "2000")))
                .quotaPerSecond(Double.parseDouble(options.get("quota", "1")));
        String dir = options.get("storage-dir", null);
        if (dir != null) {
            builder.storageDirectory(Path.of(dir));
        }
        NclueEmulator emulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "nclue-emulator-shutdown"));

        DemoData.Seeded seeded = options.flag("seed") ? DemoData.seed(emulator) : null;
        System.out.println(banner(emulator, seeded));
        stopped.await();
    }

    static String banner(NclueEmulator emu, DemoData.Seeded seeded) {
        // these are the emulator's own fixed development credentials, printed on purpose
        StringBuilder sb = new StringBuilder()
                .append("NCLUE emulator is running (Ctrl-C to stop)\n")
                // base URLs exactly as the component's nclueEndpoint / dataForestEndpoint / objectStorageEndpoint
                // options take them: the component adds /api/v1 and /api/v2 itself
                .append("  nclueEndpoint         : ").append(emu.nclueEndpoint()).append('\n')
                .append("  dataForestEndpoint    : ").append(emu.dataForestEndpoint()).append('\n')
                .append("  objectStorageEndpoint : ").append(emu.s3Endpoint()).append(" (path-style)\n")
                .append("  region                : ").append(emu.region()).append('\n')
                .append("  accessKey             : ").append(emu.accessKey()).append('\n')
                .append("  secretKey             : ").append(emu.secretKey()).append('\n')
                .append("  DataForest account    : ").append(emu.dataForestAccountId()).append('\n')
                .append("  AI workspace id       : ").append(emu.aiWorkspaceId()).append('\n')
                .append("  Status step           : ").append(emu.statusStep().toMillis()).append(" ms\n")
                .append("  Storage directory     : ").append(emu.storageDirectory()).append('\n')
                .append("  Admin API             : ").append(emu.nclueEndpoint()).append("/_emulator/stats\n");
        if (seeded != null) {
            sb.append("  Seeded                : s3://").append(seeded.bucket()).append('/').append(seeded.featureKey())
                    .append(" (").append(seeded.users()).append(" users), ").append(seeded.trainLabelKey()).append(", ")
                    .append(seeded.testLabelKey()).append('\n');
        }
        return sb.toString();
    }

    static Duration duration(String value) {
        String v = value.trim();
        return v.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(v) : Duration.ofMillis(Long.parseLong(v));
    }

    /** {@code --name=value} / {@code --flag} arguments over {@code nclue.emulator.name} system properties. */
    static final class Options {

        private final String[] args;

        Options(String[] args) {
            this.args = args.clone();
        }

        String get(String name, String defaultValue) {
            for (String arg : args) {
                if (arg.startsWith("--" + name + "=")) {
                    return arg.substring(name.length() + 3);
                }
            }
            return System.getProperty("nclue.emulator." + name, defaultValue);
        }

        boolean flag(String name) {
            for (String arg : args) {
                if (arg.equals("--" + name) || arg.equals("--" + name + "=true")) {
                    return true;
                }
            }
            return Boolean.parseBoolean(System.getProperty("nclue.emulator." + name, "false"));
        }
    }
}
