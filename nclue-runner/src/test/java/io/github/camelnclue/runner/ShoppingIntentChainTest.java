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
package io.github.camelnclue.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/examples/shopping-intents under camel-main through the runner, against the component's signature-checking
 * stub API: feature and task waited for, the shopping intent created on the task, downloaded when its consumer sees
 * it completed, its rows written to a file.
 */
class ShoppingIntentChainTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    private static final Path ROUTES = ChainSettings.ROUTES.resolve("examples/shopping-intents");
    private static final String TSV = "user1\tpet\t0.91\nuser2\tfood\t0.72\nuser3\ttravel\t0.15\n";

    @TempDir
    Path workDir;

    @Test
    void trainsCreatesTheShoppingIntentAndDownloadsItIntoAFile() throws Exception {
        API.on("POST", "/api/v1/features", 200, job("feature_id", "feature_name", "f1", "si-feature", "registered"))
                .on("GET", "/api/v1/features?index=0&limit=100", 200,
                        page("features", job("feature_id", "feature_name", "f1", "si-feature", "completed")))
                .on("POST", "/api/v1/tasks", 200, job("task_id", "task_name", "t1", "si-task", "registered"))
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200,
                        page("tasks", job("task_id", "task_name", "t1", "si-task", "completed")))
                .on("POST", "/api/v1/profile/shopping-intents", 200,
                        job("profile_id", "profile_name", "p1", "si-intents", "registered"))
                .on("GET", "/api/v1/profile/shopping-intents?index=0&limit=100", 200,
                        page("profiles", job("profile_id", "profile_name", "p1", "si-intents", "completed")))
                .on("GET", "/api/v1/profile/shopping-intents/p1", 200,
                        job("profile_id", "profile_name", "p1", "si-intents", "completed"))
                .on("GET", "/api/v1/profile/shopping-intents-download/p1", 200, TSV);

        String outcome = NclueRunner.run(ROUTES, settings());

        assertEquals("completed 3 rows", outcome);
        assertEquals(List.of("user1\tpet\t0.91", "user2\tfood\t0.72", "user3\ttravel\t0.15"),
                Files.readAllLines(workDir.resolve("out/p1.tsv")));
        ApiServer.Recorded intent = API.requests().stream()
                .filter(r -> r.method().equals("POST") && r.pathWithQuery().equals("/api/v1/profile/shopping-intents"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("name", "si-intents", "task_id", "t1"), new ObjectMapper().readValue(intent.body(), Map.class),
                "the shopping intent is created on the task the route trained");
        assertTrue(API.requests().stream().allMatch(ApiServer.Recorded::signatureValid));
        assertEquals(1, API.requests().stream().filter(r -> r.method().equals("POST")
                && r.pathWithQuery().equals("/api/v1/profile/shopping-intents")).count(), "one shopping intent");
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        settings.put("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        settings.put("camel.component.nclue.nclue-endpoint", API.url());
        settings.put("camel.component.nclue.requests-per-second", "100");
        settings.put("camel.component.nclue.ledger-directory", workDir.resolve("ledger").toString());
        settings.put("camel.component.nclue.status-poll-delay", "100");
        settings.put("nclue.job-prefix", "si");
        settings.put("nclue.bucket", "nclue-demo");
        settings.put("nclue.feature-path", "features/users.tsv");
        settings.put("nclue.train-label-path", "labels/train.tsv");
        settings.put("nclue.output-dir", workDir.resolve("out").toString());
        settings.put("nclue.result-batch-size", "2");
        settings.put("nclue.runner.timeout-seconds", "60");
        return settings;
    }

    private static String job(String idField, String nameField, String id, String name, String status) {
        return "{\"" + idField + "\":\"" + id + "\",\"" + nameField + "\":\"" + name + "\",\"status\":\"" + status
               + "\",\"AUROC\":\"0.8\"}";
    }

    private static String page(String items, String job) {
        return "{\"index\":0,\"limit\":100,\"total\":1,\"" + items + "\":[" + job + "]}";
    }
}
