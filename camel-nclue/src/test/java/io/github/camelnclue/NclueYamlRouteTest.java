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

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML route using nclue: runs under camel-main, configured the way users do: camel.component.nclue.* properties. */
class NclueYamlRouteTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    @Test
    void yamlRouteCreatesATaskAndReadsTheRecordWithSimple() throws Exception {
        String taskId = "f5aebc0c-1111-2222-3333-b201bc64b1c9";
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"" + taskId + "\",\"task_name\":\"nightly\"}")
                .on("GET", "/api/v1/tasks/" + taskId, 200, "{\"task_id\":\"" + taskId + "\",\"status\":\"completed\","
                                                           + "\"AUROC\":\"0.8123\",\"line_count\":500}");
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/nclue-test-routes.yaml");
        main.addInitialProperty("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        main.addInitialProperty("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        main.addInitialProperty("camel.component.nclue.nclue-endpoint", API.url());
        main.addInitialProperty("camel.component.nclue.ledger", "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.addInitialProperty("demo.bucket", "nclue-demo");
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            String reply = template.requestBody("direct:train",
                    Map.of("name", "nightly", "train_feature_id", "feat-1"), String.class);

            assertEquals("good model " + taskId + " auroc=0.8123 lines=500", reply);
            assertEquals("{\"name\":\"nightly\",\"train_feature_id\":\"feat-1\",\"train_bucket\":\"nclue-demo\","
                         + "\"train_file_path\":\"labels/train.tsv\"}",
                    API.requests().get(0).body());
        } finally {
            main.stop();
        }
    }

    @Test
    void aComponentPropertyThatIsNotANumberStopsTheStart() {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/nclue-test-routes.yaml");
        main.addInitialProperty("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        main.addInitialProperty("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        main.addInitialProperty("camel.component.nclue.max-retries", "abc");
        main.addInitialProperty("camel.component.nclue.ledger", "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        main.addInitialProperty("demo.bucket", "nclue-demo");
        try {
            Exception error = assertThrows(Exception.class, main::start);
            Throwable cause = error;
            while (cause.getCause() != null && !(cause instanceof io.github.camelnclue.exception.NclueValidationException)) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("camel.component.nclue.max-retries must be a whole number but was 'abc'"),
                    String.valueOf(cause.getMessage()));
        } finally {
            main.stop();
        }
    }
}
