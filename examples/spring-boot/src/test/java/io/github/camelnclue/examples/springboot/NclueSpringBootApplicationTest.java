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
package io.github.camelnclue.examples.springboot;

import java.util.Map;

import io.github.camelnclue.ApiServer;
import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spring Boot application against ApiServer, the local stand-in for NCLUE that checks every signature. */
@CamelSpringBootTest
@SpringBootTest(properties = { "camel.springboot.main-run-controller=false", "nclue.bucket=demo-bucket" })
class NclueSpringBootApplicationTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    @Autowired
    CamelContext context;

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void nclueApi(DynamicPropertyRegistry registry) {
        registry.add("nclue.access-key", () -> ApiServer.ACCESS_KEY);
        registry.add("nclue.secret-key", () -> ApiServer.SECRET_KEY);
        registry.add("nclue.endpoint", API::url);
    }

    @Test
    void createsARunAndWaitsForIt() {
        NclueComponent nclue = context.getComponent("nclue", NclueComponent.class);
        nclue.setLedger(new InMemoryJobLedger());
        nclue.setStatusPollDelay(50);
        API.on("POST", "/api/v1/task-runs", 200, "{\"run_id\":\"r-1\",\"run_name\":\"score-1\",\"status\":\"registered\"}")
                .on("GET", "/api/v1/task-runs?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,"
                        + "\"runs\":[{\"run_id\":\"r-1\",\"run_name\":\"score-1\",\"status\":\"completed\","
                        + "\"line_count\":1200000}]}");

        String reply = template.requestBodyAndHeaders("direct:score", null, Map.of(
                "CamelNclueName", "score-1", "CamelNclueTaskId", "t-1", "CamelNclueFeatureId", "f-1"), String.class);

        assertEquals("run r-1 completed with 1200000 lines", reply);
        assertTrue(API.requests().get(0).body().contains("\"result_bucket\":\"demo-bucket\""),
                API.requests().get(0).body());
    }
}
