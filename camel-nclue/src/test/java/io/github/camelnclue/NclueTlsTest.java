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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelnclue.model.Task;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS to an API whose certificate the JVM does not trust (an enterprise gateway's own CA): trusted through
 * {@code sslContextParameters}, refused without it. The certificate is made by the JDK's keytool for this test.
 */
class NclueTlsTest extends NclueTestSupport {

    private static final String PASSWORD = "test-store-password";
    private static final String TASK = "{\"task_id\":\"abc\",\"task_name\":\"n\",\"status\":\"completed\"}";

    @TempDir
    static Path stores;

    private static HttpsServer server;
    private static final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startHttpsApi() throws Exception {
        Path serverStore = stores.resolve("server.p12");
        Path certificate = stores.resolve("api.pem");
        keytool("-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                serverStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "api", "-keystore", serverStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "api", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", stores.resolve("trust.p12").toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = TASK.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsApi() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sslContextParametersTrustTheGatewaysCertificate() throws Exception {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + stores.resolve("trust.p12"));
        trustStore.setType("PKCS12");
        trustStore.setPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        context.getRegistry().bind("gatewayTls", parameters);

        Exchange trusted = template.request("nclue:tasks?operation=get&taskId=abc&maxRetries=0&nclueEndpoint="
                                            + url() + "&sslContextParameters=#gatewayTls", e -> {
                                            });

        assertNull(trusted.getException(), () -> "over TLS: " + trusted.getException());
        assertEquals("abc", trusted.getMessage().getBody(Task.class).id());
        assertTrue(paths.contains("/api/v1/tasks/abc"), "served over TLS: " + paths);
    }

    @Test
    void withoutThemTheJvmDefaultTrustRefusesIt() {
        int served = paths.size();
        Exchange refused = template.request("nclue:tasks?operation=get&taskId=abc&maxRetries=0&nclueEndpoint=" + url(),
                e -> {
                });

        assertNotNull(refused.getException());
        Throwable cause = refused.getException();
        while (cause.getCause() != null && !(cause instanceof SSLHandshakeException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(SSLHandshakeException.class, cause, () -> "the handshake failed: " + refused.getException());
        assertEquals(served, paths.size(), "no request reached the API without trust");
    }

    private static String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> "keytool " + args[0] + ": " + output);
    }
}
