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

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.model.CustomAttributes;
import io.github.camelnclue.model.ShoppingIntent;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** from: nclue:shoppingIntents and nclue:customAttributes emit one exchange per status change of a tracked profile. */
class NclueProfileConsumerTest extends NclueTestSupport {

    private static final String INTENT = "{\"profile_id\":\"p1\",\"profile_name\":\"intents\",\"task_id\":\"t1\","
                                         + "\"status\":\"%s\"}";
    private static final String CUSTOM = "{\"profile_id\":\"c1\",\"profile_name\":\"runners\",\"feature_id\":\"f1\","
                                         + "\"status\":\"%s\",\"result_bucket\":\"b\",\"result_file_path\":\"p/\"}";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:shoppingIntents?delay=50").routeId("intents").to("mock:intents");
                from("nclue:customAttributes?statuses=completed&delay=50").routeId("custom").to("mock:custom");
            }
        };
    }

    @Test
    void emitsEachStatusChangeOfATrackedProfile() throws Exception {
        API.on("POST", "/api/v1/profile/shopping-intents", 200, INTENT.formatted("registered"))
                .on("GET", "/api/v1/profile/shopping-intents?index=0&limit=100",
                        Reply.json(200, page(INTENT, "pending")), Reply.json(200, page(INTENT, "in_progress")),
                        Reply.json(200, page(INTENT, "completed")))
                .on("POST", "/api/v1/profile/custom-attributes", 200, CUSTOM.formatted("registered"))
                .on("GET", "/api/v1/profile/custom-attributes?index=0&limit=100",
                        Reply.json(200, page(CUSTOM, "in_progress")), Reply.json(200, page(CUSTOM, "completed")));
        MockEndpoint intents = getMockEndpoint("mock:intents");
        intents.expectedMessageCount(4);
        MockEndpoint custom = getMockEndpoint("mock:custom");
        custom.expectedMessageCount(1);

        template.requestBody("nclue:shoppingIntents?operation=create&name=intents&taskId=t1", (Object) null);
        template.requestBody("nclue:customAttributes?operation=create&name=runners&featureId=f1&keywordSet=run"
                             + "&resultBucket=b&resultFilePath=p/", (Object) null);

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(List.of("registered", "pending", "in_progress", "completed"),
                intents.getExchanges().stream().map(e -> e.getMessage().getHeader(NclueConstants.STATUS)).toList());
        var last = intents.getExchanges().get(3).getMessage();
        assertEquals("shoppingIntents", last.getHeader(NclueConstants.KIND));
        assertEquals("p1", last.getHeader(NclueConstants.PROFILE_ID));
        assertEquals("in_progress", last.getHeader(NclueConstants.PREVIOUS_STATUS));
        assertEquals("t1", assertInstanceOf(ShoppingIntent.class, last.getBody()).taskId());
        var completed = custom.getExchanges().get(0).getMessage();
        assertEquals("c1", completed.getHeader(NclueConstants.PROFILE_ID));
        assertEquals("completed", assertInstanceOf(CustomAttributes.class, completed.getBody()).status());
    }

    private static String page(String item, String status) {
        return "{\"index\":0,\"limit\":100,\"total\":1,\"profiles\":[" + item.formatted(status) + "]}";
    }
}
