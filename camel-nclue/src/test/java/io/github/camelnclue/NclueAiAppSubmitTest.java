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
import java.time.Instant;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.exception.NclueSubmitOutcomeException;
import io.github.camelnclue.model.AiApp;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 4: an AI app submit whose outcome is unknown is resolved by listing the apps, never by a blind
 * resend, and a redelivered exchange adopts the app its earlier delivery started.
 */
class NclueAiAppSubmitTest extends NclueTestSupport {

    private static final String SUBMIT_PATH = "/api/v2/aiapps/submit";
    private static final String LIST_PATH = "/api/v2/aiapps/getList";
    private static final String SUBMIT_URI = "nclue:aiApps?operation=submit&aiWorkspaceId=6ZKSGoSJMMwctK257nxgiL"
                                             + "&namePrefix=score&accountId=acc1";
    private static final String BODY = """
            {"docker": {"image": "registry.example.com/scoring:1.4", "command": "python score.py"},
             "resource": {"cpuCount": 4, "gpuCount": 1, "gpuModel": "T4", "memoryMb": 16384}}""";
    private static final Reply UNAVAILABLE = Reply.json(503, "{\"success\":false,\"message\":\"unexpected error\"}");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").routeId("submit")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(10))
                        .to(SUBMIT_URI + "&maxRetries=0");
            }
        };
    }

    private static String app(String id, String name, Instant startedAt) {
        return "{\"id\":\"" + id + "\",\"appId\":\"application_1_0001\",\"name\":\"" + name + "\",\"queueName\":\"gpu\","
               + "\"startedAt\":\"" + startedAt + "\",\"state\":\"ACCEPTED\",\"finalStatus\":\"UNDEFINED\"}";
    }

    private static Reply submitted(String id, String name) {
        return Reply.json(200, "{\"success\":true,\"message\":\"success\"," + app(id, name, Instant.now()).substring(1));
    }

    private static Reply listOf(String... apps) {
        return Reply.json(200, "{\"success\":true,\"message\":\"success\",\"contents\":[" + String.join(",", apps)
                               + "]}");
    }

    private static long submits() {
        return API.requests().stream().filter(r -> r.pathWithQuery().equals(SUBMIT_PATH)).count();
    }

    @Test
    void resetAfterTheServerAcceptedPlusRedeliveryMakesExactlyOneApp() {
        // the server started app-1, then the connection broke; a resend would start app-2
        API.on("POST", SUBMIT_PATH, Reply.reset(), submitted("app2", "score-zz99-yy88"));
        // the first look fails too, so the exchange fails and Camel redelivers it
        API.on("POST", LIST_PATH, UNAVAILABLE, listOf(app("app1", "score-ab12-cd34", Instant.now())));

        Exchange exchange = template.request("direct:submit", e -> e.getMessage().setBody(BODY));

        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals("app1", assertInstanceOf(AiApp.class, exchange.getMessage().getBody()).id());
        assertEquals("app1", exchange.getMessage().getHeader(NclueConstants.AI_APP_ID));
        assertEquals(1, submits(), "the submit was sent once: exactly one AI app");
        assertEquals(1, exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
    }

    @Test
    void aLostReplyIsResolvedWithinTheSameDelivery() {
        API.on("POST", SUBMIT_PATH, Reply.reset(), submitted("app2", "score-zz99-yy88"));
        API.on("POST", LIST_PATH, listOf(
                app("old", "score-0000-0000", Instant.now().minus(Duration.ofHours(1))),
                app("other", "train-ab12-cd34", Instant.now()),
                app("app1", "score-ab12-cd34", Instant.now())));

        AiApp app = template.requestBody(SUBMIT_URI, BODY, AiApp.class);

        assertEquals("app1", app.id(), "the one app of that prefix started since the attempt");
        assertEquals(1, submits());
    }

    @Test
    void aRedeliveredSubmitWhoseAppIsRecordedAdoptsIt() {
        API.on("POST", SUBMIT_PATH, submitted("app1", "score-ab12-cd34"), submitted("app2", "score-zz99-yy88"));
        API.on("POST", "/api/v2/aiapps/getDetail", Reply.json(200, "{\"success\":true,"
                                                                    + app("app1", "score-ab12-cd34", Instant.now())
                                                                            .substring(1)));

        AiApp first = template.requestBodyAndHeader(SUBMIT_URI, BODY, NclueConstants.IDEMPOTENCY_KEY, "order-42",
                AiApp.class);
        AiApp again = template.requestBodyAndHeader(SUBMIT_URI, BODY, NclueConstants.IDEMPOTENCY_KEY, "order-42",
                AiApp.class);
        AiApp other = template.requestBodyAndHeader(SUBMIT_URI, BODY, NclueConstants.IDEMPOTENCY_KEY, "order-43",
                AiApp.class);

        assertEquals("app1", first.id());
        assertEquals("app1", again.id(), "the same key adopts the recorded app");
        assertEquals("app2", other.id(), "another key submits");
        assertEquals(2, submits());
    }

    @Test
    void noAppStartedMeansTheSubmitIsSentAgain() {
        API.on("POST", SUBMIT_PATH, Reply.reset(), submitted("app1", "score-ab12-cd34"));
        API.on("POST", LIST_PATH, listOf(app("old", "score-0000-0000", Instant.now().minus(Duration.ofHours(1)))));

        AiApp app = template.requestBody(SUBMIT_URI + "&requestTimeout=300", BODY, AiApp.class);

        assertEquals("app1", app.id());
        assertEquals(2, lists(), "two looks, a request timeout apart, found nothing");
        assertEquals(2, submits(), "so the first submit started nothing, and it was sent again");
    }

    @Test
    void anAppASlowServerStartsLateIsFoundOnTheSecondLook() {
        API.on("POST", SUBMIT_PATH, Reply.reset(), submitted("app2", "score-zz99-yy88"));
        API.on("POST", LIST_PATH, listOf(), listOf(app("app1", "score-ab12-cd34", Instant.now())));

        AiApp app = template.requestBody(SUBMIT_URI + "&requestTimeout=300", BODY, AiApp.class);

        assertEquals("app1", app.id());
        assertEquals(2, lists());
        assertEquals(1, submits());
    }

    private static long lists() {
        return API.requests().stream().filter(r -> r.pathWithQuery().equals(LIST_PATH)).count();
    }

    @Test
    void severalCandidatesFailClearlyWithoutAResend() {
        API.on("POST", SUBMIT_PATH, UNAVAILABLE, submitted("app3", "score-zz99-yy88"));
        API.on("POST", LIST_PATH, listOf(app("app1", "score-ab12-cd34", Instant.now()),
                app("app2", "score-ef56-gh78", Instant.now())));

        Exchange exchange = template.request(SUBMIT_URI, e -> e.getMessage().setBody(BODY));

        NclueSubmitOutcomeException error = assertInstanceOf(NclueSubmitOutcomeException.class,
                exchange.getException());
        assertEquals(java.util.List.of("app1", "app2"), error.getCandidateIds());
        assertTrue(error.getMessage().contains("2 AI apps of prefix score"), error.getMessage());
        assertEquals(1, submits());
    }

    @Test
    void withoutAnAccountIdAnUnknownOutcomeFailsInsteadOfResending() {
        API.on("POST", SUBMIT_PATH, Reply.reset(), submitted("app2", "score-zz99-yy88"));

        Exchange exchange = template.request(SUBMIT_URI.replace("&accountId=acc1", ""),
                e -> e.getMessage().setBody(BODY));

        NclueSubmitOutcomeException error = assertInstanceOf(NclueSubmitOutcomeException.class,
                exchange.getException());
        assertTrue(error.getMessage().contains("set accountId"), error.getMessage());
        assertEquals(1, submits());
    }

    @Test
    void aRefusedSubmitIsNotLookedFor() {
        API.on("POST", SUBMIT_PATH, Reply.json(400, "{\"success\":false,\"message\":\"invalid request parameters\"}"),
                submitted("app1", "score-ab12-cd34"));

        Exchange first = template.request(SUBMIT_URI, e -> {
            e.getMessage().setBody(BODY);
            e.getMessage().setHeader(NclueConstants.IDEMPOTENCY_KEY, "k1");
        });
        AiApp second = template.requestBodyAndHeader(SUBMIT_URI, BODY, NclueConstants.IDEMPOTENCY_KEY, "k1",
                AiApp.class);

        assertEquals(400, assertInstanceOf(io.github.camelnclue.exception.NclueApiException.class,
                first.getException()).getHttpResponseCode());
        assertEquals("app1", second.id(), "a refused submit started nothing, so the key submits again");
        assertEquals(0, API.requests().stream().filter(r -> r.pathWithQuery().equals(LIST_PATH)).count());
    }
}
