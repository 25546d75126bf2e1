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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueWaitReleasedException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-route waits: the exchange is parked on the shared poller, no thread waits. */
class NclueWaitTest extends NclueTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:waits").routeId("waits")
                        .to("nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=6h")
                        .setHeader("resumed", constant(true));
                from("direct:other").routeId("other")
                        .to("nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=6h");
            }
        };
    }

    @Test
    void stoppingARouteReleasesTheWaitsOfItsExchangesOnly() throws Exception {
        API.on("GET", "/api/v1/tasks/t3", 200, task(3, "in_progress"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":["
                        + task(3, "in_progress") + "]}");
        // a graceful stop that waited for the 6-hour job would be forced after this and leave the exchange parked
        context.getShutdownStrategy().setTimeout(120);
        CompletableFuture<Exchange> stopped = template.asyncSend("direct:waits",
                e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t3"));
        CompletableFuture<Exchange> kept = template.asyncSend("direct:other",
                e -> e.getMessage().setHeader(NclueConstants.TASK_ID, "t3"));
        NclueRuntime runtime = context.getComponent("nclue", NclueComponent.class).runtime();
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.parkedWaits() == 2);

        context.getRouteController().stopRoute("waits");

        Exchange released = stopped.get(10, TimeUnit.SECONDS);
        NclueWaitReleasedException e = assertInstanceOf(NclueWaitReleasedException.class, released.getException());
        assertTrue(e.getMessage().contains("in_progress") && e.getMessage().contains("its route is stopping"),
                e.getMessage());
        assertEquals(null, released.getMessage().getHeader("resumed"), "the rest of the route did not run");
        assertEquals(1, runtime.parkedWaits(), "the other route's wait stays parked");
        assertEquals(false, kept.isDone());
    }

    @Test
    void aFailedJobFailsTheExchangeWithItsFailMessage() {
        API.on("GET", "/api/v1/tasks/t1", 200, task(1, "pending"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":["
                        + "{\"task_id\":\"t1\",\"task_name\":\"n1\",\"status\":\"failed\","
                        + "\"fail_message\":\"NOT_EXIST_FILE\"}]}");

        Exchange exchange = template.request("nclue:tasks?operation=get&waitForCompletion=true&taskId=t1", e -> {
        });

        NclueJobFailedException failed = assertInstanceOf(NclueJobFailedException.class, exchange.getException());
        assertEquals("NOT_EXIST_FILE", failed.getFailMessage());
        assertEquals("t1", failed.getJobId());
    }

    @Test
    void aTimeoutFailsTheExchangeAndKeepsTheJobTracked() throws Exception {
        API.on("GET", "/api/v1/tasks/t2", 200, task(2, "pending"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":["
                        + task(2, "in_progress") + "]}");

        Exchange exchange = template.request(
                "nclue:tasks?operation=get&waitForCompletion=true&waitTimeout=300&taskId=t2", e -> {
                });

        assertInstanceOf(NclueWaitTimeoutException.class, exchange.getException());
        NclueComponent component = context.getComponent("nclue", NclueComponent.class);
        String scope = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
        assertEquals("in_progress", component.runtime().tracker().ledger()
                .findById(scope, JobKind.TASKS, "t2").orElseThrow().lastStatus());
    }

    private static String task(int i, String status) {
        return "{\"task_id\":\"t" + i + "\",\"task_name\":\"n" + i + "\",\"status\":\"" + status + "\"}";
    }
}
