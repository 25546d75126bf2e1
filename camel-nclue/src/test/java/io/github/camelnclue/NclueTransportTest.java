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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelnclue.exception.NclueRequestQueueException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request the network sees was granted by the rate limiter, and the limiter says no when asked too much. */
class NclueTransportTest extends NclueTestSupport {

    private static final String TASK = "{\"task_id\":\"abc\",\"task_name\":\"n\",\"status\":\"completed\"}";

    @Test
    void aConnectionResetIsRetriedOnlyThroughTheLimiter() throws Exception {
        try (ResettingServer server = new ResettingServer(1, TASK)) {
            // 2 requests per second: a granted retry comes at least 500 ms after the reset reply
            Exchange exchange = template.request("nclue:tasks?operation=get&taskId=abc&requestsPerSecond=2"
                                                 + "&retryInitialDelay=1&nclueEndpoint=" + server.url(), e -> {
                                                 });

            assertNull(exchange.getException());
            List<Long> arrivals = server.arrivals();
            assertEquals(2, arrivals.size(), "the reset request and one granted retry, no resend of the client's own");
            long gapMillis = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
            assertTrue(gapMillis >= 450, "the retry came " + gapMillis + " ms after the reset");
        }
    }

    @Test
    void proxyHostSendsEveryRequestThroughTheProxy() {
        API.on("GET", "/api/v1/tasks/abc", 200, TASK);
        String apiPort = API.url().substring(API.url().lastIndexOf(':') + 1);

        // the API's host does not resolve: only the proxy (the stub, which accepts absolute request URIs) is reachable
        Exchange exchange = template.request("nclue:tasks?operation=get&taskId=abc&maxRetries=0"
                                             + "&nclueEndpoint=http://nclue-api.invalid&proxyHost=127.0.0.1&proxyPort="
                                             + apiPort, e -> {
                                             });

        assertNull(exchange.getException());
        assertEquals(1, API.requests().size());
        assertTrue(API.requests().get(0).signatureValid(), "signed for the API's path, not the proxy's");
    }

    @Test
    void aRequestQueuedLongerThanRequestQueueTimeoutFailsNamingTheMaskedKey() {
        API.on("GET", "/api/v1/tasks/abc", 200, TASK);
        String uri = "nclue:tasks?operation=get&taskId=abc&requestsPerSecond=0.5&requestQueueTimeout=300";

        List<CompletableFuture<Exchange>> calls = List.of(
                template.asyncSend(uri, e -> {
                }),
                template.asyncSend(uri, e -> {
                }));

        List<Exchange> done = calls.stream().map(CompletableFuture::join).toList();
        assertEquals(1, done.stream().filter(e -> e.getException() == null).count(), "one was sent");
        Exchange refused = done.stream().filter(e -> e.getException() != null).findFirst().orElseThrow();
        NclueRequestQueueException queue = assertInstanceOf(NclueRequestQueueException.class, refused.getException());
        assertTrue(queue.getMessage().contains("TEST****"), queue.getMessage());
        assertFalse(queue.getMessage().contains(ApiServer.ACCESS_KEY), "the access key is masked");
        assertTrue(queue.getWaited().toMillis() >= 300, "waited " + queue.getWaited());
        assertEquals(1, API.requests().size());
    }

    @Test
    void aCancelledCallLeavesTheQueueAndIsNeverSent() {
        API.on("GET", "/api/v1/tasks/abc", 200, TASK);
        NclueEndpoint endpoint = context.getEndpoint("nclue:tasks?requestsPerSecond=0.5", NclueEndpoint.class);
        endpoint.nclueClient().tasks().get("abc").join();
        NclueRuntime runtime = context.getComponent("nclue", NclueComponent.class).runtime();

        // the next slot is 2 s away: this call queues, and is cancelled there (a health check that gave up)
        CompletableFuture<?> cancelled = endpoint.nclueClient().tasks().get("abc");
        assertEquals(1, runtime.queuedRequests());
        cancelled.cancel(true);

        assertEquals(0, runtime.queuedRequests());
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> API.requests().size() == 1);
    }
}
