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
package io.github.camelnclue.examples.javadsl;

import java.util.Properties;

import io.github.camelnclue.ApiServer;
import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example's routes against ApiServer, a local stand-in for NCLUE that checks every request's signature. */
class JavaDslExampleTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    @Test
    void countsTasksAndTrainsAModel() throws Exception {
        API.on("GET", "/api/v1/tasks?index=0&limit=1", 200, "{\"index\":0,\"limit\":1,\"total\":7,\"tasks\":[]}")
                .on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"t-1\",\"task_name\":\"nightly\",\"status\":\"registered\"}")
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":"
                        + "[{\"task_id\":\"t-1\",\"task_name\":\"nightly\",\"status\":\"completed\",\"AUROC\":\"0.91\"}]}");

        NclueComponent nclue = JavaDslExample.nclue(ApiServer.ACCESS_KEY, ApiServer.SECRET_KEY);
        nclue.getConfiguration().setNclueEndpoint(API.url());
        nclue.getConfiguration().setRequestsPerSecond(100);
        nclue.setLedger(new InMemoryJobLedger());
        nclue.setStatusPollDelay(50);
        Properties properties = new Properties();
        properties.setProperty("nclue.bucket", "demo-bucket");
        properties.setProperty("nclue.train-feature-id", "feature-1");

        try (CamelContext context = new DefaultCamelContext()) {
            JavaDslExample.addTo(context, nclue, properties);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            assertEquals("7", template.requestBody("direct:count-tasks", null, String.class));
            assertEquals("t-1 0.91", template.requestBodyAndHeader("direct:train", null, "CamelNclueName", "nightly",
                    String.class));
        }
        assertTrue(API.requests().stream().allMatch(ApiServer.Recorded::signatureValid));
        assertTrue(API.requests().stream().anyMatch(r -> r.body().contains("\"train_bucket\":\"demo-bucket\"")));
    }
}
