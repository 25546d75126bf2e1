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
package io.github.camelnclue.examples.camelmain;

import io.github.camelnclue.ApiServer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application as shipped (application.properties and the YAML route), with the environment's keys and
 * endpoint replaced by ApiServer's, the local stand-in for NCLUE that checks every request's signature.
 */
class CamelMainExampleTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    @Test
    void trainsAndJudgesAModel() throws Exception {
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"t-9\",\"task_name\":\"weekly\",\"status\":\"registered\"}")
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":"
                        + "[{\"task_id\":\"t-9\",\"task_name\":\"weekly\",\"status\":\"completed\",\"AUROC\":\"0.83\"}]}");
        Main main = new Main(CamelMainExample.class);
        // what the environment would give; override properties win over application.properties
        main.addOverrideProperty("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        main.addOverrideProperty("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        main.addOverrideProperty("camel.component.nclue.nclue-endpoint", API.url());
        main.addOverrideProperty("camel.component.nclue.requests-per-second", "100");
        main.addOverrideProperty("camel.component.nclue.status-poll-delay", "50");
        main.addOverrideProperty("camel.component.nclue.ledger",
                "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.addOverrideProperty("nclue.bucket", "demo-bucket");
        main.addOverrideProperty("camel.main.route-filter-exclude-pattern", "nightly");
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();

            String verdict = template.requestBodyAndHeader("direct:train", null, "CamelNclueName", "weekly",
                    String.class);

            assertEquals("model t-9 accepted (AUROC 0.83)", verdict);
            assertTrue(API.requests().get(0).body().contains("\"train_bucket\":\"demo-bucket\""),
                    API.requests().get(0).body());
        } finally {
            main.stop();
        }
    }
}
