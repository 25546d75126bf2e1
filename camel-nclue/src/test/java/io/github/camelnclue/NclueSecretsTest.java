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

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelnclue.client.ApiCredentials;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secret key never shows: not in endpoint URIs, not in exception messages, not in DEBUG logs. */
class NclueSecretsTest extends NclueTestSupport {

    private static final String URI_SECRET = "uriSecret/Key+9xYz";

    @Test
    void endpointToStringMasksSecrets() {
        Endpoint endpoint = context.getEndpoint("nclue:tasks?operation=get&accessKey=" + ApiServer.ACCESS_KEY
                                                + "&secretKey=RAW(" + URI_SECRET + ")&objectStorageSecretKey=RAW("
                                                + URI_SECRET + ")");

        assertFalse(endpoint.toString().contains(URI_SECRET), endpoint.toString());
        assertTrue(endpoint.toString().contains("secretKey=xxxxxx"), endpoint.toString());
        assertFalse(new ApiCredentials("ak", URI_SECRET).toString().contains(URI_SECRET));
    }

    @Test
    void failuresAndLogsNeverContainTheSecret() throws Exception {
        API.on("GET", "/api/v1/tasks/abc", 503, "{\"error\":{\"errorCode\":\"500\"}}");
        String uri = "nclue:tasks?operation=get&taskId=abc&maxRetries=1&secretKey=RAW(" + ApiServer.SECRET_KEY + ")";

        Exchange failed = template.request(uri, e -> {
        });
        Exchange badSignature = template.request(
                "nclue:tasks?operation=get&taskId=abc&maxRetries=0&secretKey=RAW(" + URI_SECRET + ")", e -> {
                });

        assertNotNull(failed.getException());
        assertNotNull(badSignature.getException());
        assertNoSecret(stackTrace(failed.getException()));
        assertNoSecret(stackTrace(badSignature.getException()));
        context.stop();
        LogManager.shutdown();
        String log = Files.readString(Path.of("target/test-logs/camel-nclue-test.log"));
        assertTrue(log.contains("tasks.get GET /api/v1/tasks/abc -> 503"), "the DEBUG log was captured");
        assertNoSecret(log);
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(ApiServer.SECRET_KEY), "secret key leaked");
        assertFalse(text.contains(URI_SECRET), "secret key leaked");
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
