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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the emulator's S3 server that sends replies at a fixed rate, so a runner killed "at 50 %
 * of the download" is killed there, not after it. It also records the start offset of every range GET it forwards
 * (the Range header; a signed request is forwarded byte for byte, Host included, so signatures still match).
 */
final class ThrottledProxy implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("(?i)\\r\\nrange: *bytes=(\\d+)-");

    private final URI target;
    private final long bytesPerSecond;
    private final ServerSocket server;
    private final List<Long> rangeStarts = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ThrottledProxy(String targetUrl, long bytesPerSecond) throws IOException {
        this.target = URI.create(targetUrl);
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "throttled-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Offsets of the range GETs forwarded so far, in order. */
    List<Long> rangeStarts() {
        return List.copyOf(rangeStarts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump("throttled-proxy-up", client, upstream, false);
                pump("throttled-proxy-down", upstream, client, true);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(String name, Socket from, Socket to, boolean throttled) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[throttled ? 16 * 1024 : 64 * 1024];
            // when the next chunk may go: no burst after an idle keep-alive connection
            long next = System.nanoTime();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!throttled) {
                        Matcher range = RANGE.matcher(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        while (range.find()) {
                            rangeStarts.add(Long.parseLong(range.group(1)));
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (throttled) {
                        long now = System.nanoTime();
                        next = Math.max(next, now) + n * 1_000_000_000L / bytesPerSecond;
                        long ahead = next - now;
                        if (ahead > 0) {
                            Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side went away (a killed runner): the other is closed with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ThrottledProxy::closeQuietly);
    }
}
