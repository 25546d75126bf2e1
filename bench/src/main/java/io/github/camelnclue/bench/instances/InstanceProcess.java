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
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.bench.instances.InstanceEvent.Type;

/**
 * One instance JVM ({@link InstanceMain}) seen from the benchmark: started with this JVM's classpath, told what to do
 * on its stdin, its events read from its stdout on a thread of its own; its log (stderr) goes to a file.
 */
final class InstanceProcess {

    private final String name;
    private final Process process;
    private final Writer commands;
    private final List<InstanceEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean leads;

    private InstanceProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "bench-instance-" + name + "-events");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param arguments {@link InstanceMain}'s options
     * @param accessKey passed in the environment, never on the command line
     */
    static InstanceProcess start(String name, List<String> arguments, String accessKey, String secretKey, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                // the component logs leadership changes at info
                "-Dorg.slf4j.simpleLogger.log.io.github.camelnclue=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-classpath", System.getProperty("java.class.path"), InstanceMain.class.getName(), "--name=" + name));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put(InstanceMain.ACCESS_KEY_ENV, accessKey);
        builder.environment().put(InstanceMain.SECRET_KEY_ENV, secretKey);
        return new InstanceProcess(name, builder.start());
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the instance said last that it leads. */
    boolean leads() {
        return leads;
    }

    List<InstanceEvent> events() {
        return events;
    }

    long count(Type type) {
        return events.stream().filter(e -> e.type() == type).count();
    }

    void park(String jobName, String runId) {
        send("PARK " + jobName + " " + runId);
    }

    /** {@code kill -9}: returns the instant just before the signal; returns once the process is gone. */
    Instant kill() throws InterruptedException {
        Instant killedAt = Instant.now();
        process.destroyForcibly();
        process.waitFor();
        return killedAt;
    }

    /** Asks the instance to stop; kills it if it has not within {@code seconds}. */
    void quit(int seconds) throws InterruptedException {
        if (process.isAlive()) {
            try {
                send("QUIT");
            } catch (UncheckedIOException e) {
                // its stdin is closed already: it is on its way out
            }
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private synchronized void send(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("instance " + name + " does not take commands: " + e.getMessage(), e);
        }
    }

    private void readEvents() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                InstanceEvent.parse(name, line).ifPresent(event -> {
                    if (event.type() == Type.LEADS) {
                        leads = Boolean.parseBoolean(event.status());
                    }
                    events.add(event);
                });
            }
        } catch (IOException e) {
            // the process ended
        }
        leads = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
