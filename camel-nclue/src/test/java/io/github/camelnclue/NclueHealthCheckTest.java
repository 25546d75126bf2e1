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
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer check comes from ScheduledPollConsumer (the poll rethrows the poller's last error, whose HTTP status
 * lands in the details); the producer check calls a cheap list endpoint.
 */
class NclueHealthCheckTest extends NclueTestSupport {

    private static final String TASK_LIST_PAGE = "/api/v1/tasks?index=0&limit=100";
    private static final String TASK_PROBE = "/api/v1/tasks?index=0&limit=1";
    private static final String EMPTY_PAGE = "{\"index\":0,\"limit\":100,\"total\":0,\"tasks\":[]}";
    private static final String AUTH_FAILED = "{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\","
                                              + "\"details\":\"Invalid authentication information.\"}}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel-main does for camel.health.* (producer checks must be enabled explicitly)
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(registry.resolveById("context"));
        registry.register(registry.resolveById("routes"));
        registry.register(registry.resolveById("consumers"));
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:tasks?watchAll=true&initialDelay=0&delay=50").routeId("watch-tasks")
                        .to("mock:changes");
                from("nclue:shoppingIntents?watchAll=true&initialDelay=0&delay=50").routeId("watch-intents")
                        .to("mock:intents");
                from("direct:get-task").routeId("get-task")
                        .to("nclue:tasks?operation=get");
                from("direct:list-apps").routeId("list-apps")
                        .to("nclue:aiApps?operation=list");
            }
        };
    }

    @Test
    void consumerIsUpWhenTheApiAnswers() throws Exception {
        API.on("GET", TASK_LIST_PAGE, 200, EMPTY_PAGE);

        Eventually.within(Duration.ofSeconds(10), 
                () -> assertEquals(HealthCheck.State.UP, check("consumer:watch-tasks").getState()));
    }

    @Test
    void consumerIsDownWithTheHttpStatusWhenTheKeysAreRejected() throws Exception {
        API.on("GET", TASK_LIST_PAGE, 401, AUTH_FAILED);

        Eventually.within(Duration.ofSeconds(10), () -> {
            HealthCheck.Result result = check("consumer:watch-tasks");
            assertEquals(HealthCheck.State.DOWN, result.getState());
            assertEquals(401, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        });
    }

    @Test
    void consumerIsDownWhenTheApiIsUnavailable() throws Exception {
        API.on("GET", TASK_LIST_PAGE, 503, "{\"error\":{\"errorCode\":\"500\"}}");

        Eventually.within(Duration.ofSeconds(10), () -> {
            HealthCheck.Result result = check("consumer:watch-tasks");
            assertEquals(HealthCheck.State.DOWN, result.getState());
            assertEquals(503, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        });
    }

    @Test
    void aProfileConsumerReportsItsOwnListCalls() throws Exception {
        API.on("GET", "/api/v1/profile/shopping-intents?index=0&limit=100", 403,
                "{\"error\":{\"errorCode\":\"210\",\"message\":\"Permission Denied\"}}");
        API.on("GET", TASK_LIST_PAGE, 200, EMPTY_PAGE);

        Eventually.within(Duration.ofSeconds(10), () -> {
            HealthCheck.Result result = check("consumer:watch-intents");
            assertEquals(HealthCheck.State.DOWN, result.getState());
            assertEquals(403, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            assertEquals(HealthCheck.State.UP, check("consumer:watch-tasks").getState());
        });
    }

    @Test
    void producerIsUpWhenTheTaskListAnswers() {
        API.on("GET", TASK_PROBE, 200, "{\"index\":0,\"limit\":1,\"total\":0,\"tasks\":[]}");

        HealthCheck.Result result = producerCheck("nclue://tasks?operation=get");

        assertEquals(HealthCheck.State.UP, result.getState(), () -> String.valueOf(result.getMessage()));
        assertTrue(API.requests().stream().anyMatch(r -> r.pathWithQuery().equals(TASK_PROBE)));
    }

    @Test
    void producerIsDownWithTheStatusWhenTheKeysAreRejected() {
        API.on("GET", TASK_PROBE, 401, AUTH_FAILED);

        HealthCheck.Result result = producerCheck("nclue://tasks?operation=get");

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals(401, result.getDetails().get(AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertEquals("200", result.getDetails().get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertTrue(result.getMessage().orElse("").contains("Authentication Failed"), result.getMessage().toString());
        assertFalse(result.getMessage().orElse("").contains(ApiServer.SECRET_KEY));
    }

    @Test
    void dataForestProducerWithoutAccountIsUpButNotChecked() {
        HealthCheck.Result result = producerCheck("nclue://aiApps?operation=list");

        assertEquals(HealthCheck.State.UP, result.getState());
        assertTrue(String.valueOf(result.getDetails().get(NclueProducerHealthCheck.NOT_CHECKED)).contains("accountId"));
        assertTrue(API.requests().stream().noneMatch(r -> r.pathWithQuery().startsWith("/api/v2/")),
                "no DataForest call without an account");
    }

    private HealthCheck.Result check(String id) {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(context, id, Map.of());
        assertTrue(result.isPresent(), () -> "no health check " + id);
        return result.get();
    }

    private HealthCheck.Result producerCheck(String endpointUri) {
        String id = "producer:nclue-" + context.getEndpoint(endpointUri, NclueEndpoint.class).getId();
        return check(id);
    }
}
