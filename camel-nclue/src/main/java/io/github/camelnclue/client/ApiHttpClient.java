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
package io.github.camelnclue.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A blocking HTTP client over Apache HttpClient 5 (what camel-http is built on), with a connection pool and with its
 * automatic retries off: a request is sent once, so every request the network sees was granted by the rate limiter,
 * and retries are the transport's decision. Call it from a worker thread, never from an event loop.
 */
public final class ApiHttpClient implements AutoCloseable {

    /** Connections kept per API host: one key sends one request at a time, a few keys may share a host. */
    private static final int MAX_CONNECTIONS_PER_HOST = 10;
    /** A pooled connection idle longer than this is checked before reuse, so a server-closed one is not written to. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

    /**
     * What a client is built from; endpoints with equal settings share one client and its connections.
     *
     * @param connectTimeout how long opening a connection may take
     * @param proxyHost      an HTTP proxy to send every request through, or null for none
     * @param proxyPort      the proxy's port
     * @param sslContext     the TLS context for https, or null for the JVM default
     */
    public record Settings(Duration connectTimeout, String proxyHost, int proxyPort, SSLContext sslContext) {
    }

    /**
     * A reply read fully (API replies are small JSON documents).
     *
     * @param headers first value of each header, names in lower case
     */
    public record Reply(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A reply whose 2xx body is still to be read.
     *
     * @param head the status and headers (and, for an error, its body)
     * @param body the open 2xx body, or null for an error reply
     */
    public record Streamed(Reply head, InputStream body) {
    }

    private static final ContentType JSON = ContentType.create("application/json", (Charset) null);

    private final CloseableHttpClient http;

    public ApiHttpClient(Settings settings) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_HOST)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build());
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(
                    new DefaultClientTlsStrategy(settings.sslContext(), HttpsSupport.getDefaultHostnameVerifier()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                // one send per grant of the rate limiter: a resend of its own would be a request nobody granted
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        this.http = builder.build();
    }

    /**
     * Sends one request and reads its reply, blocking the calling thread.
     *
     * @param body            the JSON body, or null for none
     * @param responseTimeout how long to wait for the reply once the request is written
     */
    public Reply execute(String method, URI uri, Map<String, String> headers, byte[] body, Duration responseTimeout)
            throws IOException {
        return http.execute(request(method, uri, headers, body), context(responseTimeout), response -> {
            String text = response.getEntity() != null
                    ? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : "";
            return new Reply(response.getCode(), headers(response), text);
        });
    }

    /**
     * Sends one request and hands over a 2xx reply's body as a stream, for a file download: the caller reads and
     * closes it, which returns the connection to the pool. Any other reply is read whole (it is a small error document).
     */
    public Streamed open(String method, URI uri, Map<String, String> headers, byte[] body, Duration responseTimeout)
            throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, request(method, uri, headers, body),
                context(responseTimeout));
        try {
            if (response.getCode() / 100 != 2 || response.getEntity() == null) {
                String text = response.getEntity() != null
                        ? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : "";
                response.close();
                return new Streamed(new Reply(response.getCode(), headers(response), text), null);
            }
            InputStream content = response.getEntity().getContent();
            return new Streamed(new Reply(response.getCode(), headers(response), ""), new FilterInputStream(content) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            });
        } catch (ParseException e) {
            response.close();
            throw new IOException("unreadable reply: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static HttpUriRequestBase request(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::addHeader);
        if (body != null) {
            // the media type alone, as the API documents it (no charset parameter)
            request.setEntity(new ByteArrayEntity(body, JSON));
        }
        return request;
    }

    private static HttpClientContext context(Duration responseTimeout) {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.of(responseTimeout))
                .build());
        return context;
    }

    private static Map<String, String> headers(ClassicHttpResponse response) {
        Map<String, String> replyHeaders = new TreeMap<>();
        for (Header header : response.getHeaders()) {
            replyHeaders.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return replyHeaders;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
