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
package io.github.camelnclue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server that resets the connection (TCP RST, no reply) for the first {@code resets} requests and
 * answers the others with a JSON body, recording when each request arrived: what the network sees, without a client
 * library in between.
 */
final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final int resets;
    private final String body;
    private final AtomicInteger seen = new AtomicInteger();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    ResettingServer(int resets, String body) throws IOException {
        this.resets = resets;
        this.body = body;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** When each request arrived (System.nanoTime), in order. */
    List<Long> arrivals() {
        return arrivals;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                serve(connection);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void serve(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        while (readHead(in)) {
            arrivals.add(System.nanoTime());
            if (seen.incrementAndGet() <= resets) {
                // RST instead of FIN: the client sees "connection reset", as behind a flaky proxy
                connection.setSoLinger(true, 0);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + bytes.length
                       + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }
    }

    /** Reads one request head (GET requests carry no body); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == end.length) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
