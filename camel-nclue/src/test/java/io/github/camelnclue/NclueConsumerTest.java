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

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.model.Task;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class NclueConsumerTest extends NclueTestSupport {

    private static final String TASK = "{\"task_id\":\"t1\",\"task_name\":\"nightly\",\"status\":\"%s\",\"AUROC\":\"0.9\"}";
    private final AtomicInteger failuresToInject = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:tasks?delay=50").routeId("all-changes")
                        .to("mock:changes");
                from("nclue:tasks?statuses=completed&delay=50").routeId("completed-only")
                        .process(e -> {
                            if (failuresToInject.getAndDecrement() > 0) {
                                throw new IllegalStateException("route failed");
                            }
                        })
                        .to("mock:completed");
            }
        };
    }

    @Test
    void emitsEachObservedChangeOnceAndOffersAFailedOneAgain() throws Exception {
        failuresToInject.set(2);
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"t1\",\"task_name\":\"nightly\"}")
                .on("GET", "/api/v1/tasks?index=0&limit=100",
                        Reply.json(200, page("pending")), Reply.json(200, page("in_progress")),
                        Reply.json(200, page("completed")));
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedHeaderValuesReceivedInAnyOrder(NclueConstants.STATUS, "pending", "in_progress", "completed");
        MockEndpoint completed = getMockEndpoint("mock:completed");
        completed.expectedMessageCount(1);

        template.requestBody("nclue:tasks?operation=create&name=nightly&trainFeatureId=f&trainBucket=b"
                             + "&trainFilePath=labels/t.tsv", (Object) null);

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(List.of("pending", "in_progress", "completed"),
                changes.getExchanges().stream().map(e -> e.getMessage().getHeader(NclueConstants.STATUS)).toList());
        assertEquals("in_progress", changes.getExchanges().get(2).getMessage().getHeader(
                NclueConstants.PREVIOUS_STATUS));
        assertEquals(0.9, assertInstanceOf(Task.class, completed.getExchanges().get(0).getMessage().getBody()).auroc());
        assertEquals(-1, failuresToInject.get(), "offered twice more after two failures, then processed once");
        Thread.sleep(300);
        completed.assertIsSatisfied();
        changes.assertIsSatisfied();
    }

    private static String page(String status) {
        return "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":[" + TASK.formatted(status) + "]}";
    }
}
