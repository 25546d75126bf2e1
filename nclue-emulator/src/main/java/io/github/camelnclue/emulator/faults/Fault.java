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
package io.github.camelnclue.emulator.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault to inject into matching requests before anything else happens (before authentication, quota and
 * handling), so a faulted request has no effect on state. Immutable; the {@code on..}/{@code times} methods return
 * a copy.
 * <pre>
 * emu.faults().add(Fault.status(503).onPath("GET", "/api/v1/tasks").times(2));
 * emu.faults().add(Fault.reset().onPath("/api/v2/aiapps/getDetail"));
 * emu.faults().add(Fault.delay(Duration.ofSeconds(2)).always());
 * </pre>
 * Defaults: any method, any path under {@code /api}, once.
 */
public final class Fault {

    public enum Type {
        /** Reply with a status and a gateway-style error body. */
        STATUS,
        /** Close the connection without any response. */
        RESET,
        /** Process the request normally (a create creates), then close the connection without the response. */
        RESET_AFTER_ACCEPT,
        /** Wait, then process the request normally. */
        DELAY
    }

    /** {@link #times(int)} value meaning "until cleared". */
    public static final int UNLIMITED = -1;

    private final Type type;
    private final int status;
    private final Duration delay;
    private final String body;
    private final String method;
    private final String pathPrefix;
    private final int times;

    private Fault(Type type, int status, Duration delay, String body, String method, String pathPrefix, int times) {
        this.type = type;
        this.status = status;
        this.delay = delay;
        this.body = body;
        this.method = method;
        this.pathPrefix = pathPrefix;
        this.times = times;
    }

    /** Replies with this HTTP status; 429 uses the gateway's "Quota Exceeded" body. */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        return new Fault(Type.STATUS, status, Duration.ZERO, null, null, "/api/", 1);
    }

    public static Fault reset() {
        return new Fault(Type.RESET, 0, Duration.ZERO, null, null, "/api/", 1);
    }

    /** The request takes effect (a create creates its job), but the connection closes before the response. */
    public static Fault resetAfterAccept() {
        return new Fault(Type.RESET_AFTER_ACCEPT, 0, Duration.ZERO, null, null, "/api/", 1);
    }

    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new Fault(Type.DELAY, 0, delay, null, null, "/api/", 1);
    }

    /** Only requests with this method (or any, when {@code null} or {@code "*"}) and a path starting so. */
    public Fault onPath(String method, String pathPrefix) {
        String m = method == null || "*".equals(method) ? null : method.toUpperCase(Locale.ROOT);
        return new Fault(type, status, delay, body, m, Objects.requireNonNull(pathPrefix, "pathPrefix"), times);
    }

    /** Only requests whose path starts with this prefix, any method. */
    public Fault onPath(String pathPrefix) {
        return onPath(null, pathPrefix);
    }

    /** Applies to the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1 && n != UNLIMITED) {
            throw new IllegalArgumentException("times must be at least 1, was " + n);
        }
        return new Fault(type, status, delay, body, method, pathPrefix, n);
    }

    /** Applies until {@link Faults#clear()}. */
    public Fault always() {
        return times(UNLIMITED);
    }

    /** A custom JSON body for a {@link Type#STATUS} fault. */
    public Fault body(String json) {
        return new Fault(type, status, delay, json, method, pathPrefix, times);
    }

    public Type type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Duration delay() {
        return delay;
    }

    public String body() {
        return body;
    }

    /** @return the method to match, or {@code null} for any */
    public String method() {
        return method;
    }

    public String pathPrefix() {
        return pathPrefix;
    }

    public int times() {
        return times;
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod)) && path.startsWith(pathPrefix);
    }

    @Override
    public String toString() {
        return type + (type == Type.STATUS ? " " + status : type == Type.DELAY ? " " + delay.toMillis() + "ms" : "")
               + " on " + (method == null ? "*" : method) + " " + pathPrefix
               + (times == UNLIMITED ? " always" : " x" + times);
    }
}
