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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.github.camelnclue.tracking.EmbeddedPostgresSupport;
import io.github.camelnclue.tracking.JdbcJobLedger;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared PostgreSQL ledger selected from properties alone, as a camel-main, Spring Boot or JBang user writes them:
 * a DataSource bean declared in properties and one component option.
 */
class NclueSharedLedgerPropertiesTest {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    private static String jdbcUrl;

    @BeforeAll
    static void database() throws Exception {
        jdbcUrl = EmbeddedPostgresSupport.newDatabase("shared_ledger_properties_test");
    }

    @Test
    void aDataSourceBeanAndOneOptionSelectTheSharedLedger() throws Exception {
        String taskId = "f5aebc0c-1111-2222-3333-b201bc64b1c9";
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"" + taskId + "\",\"task_name\":\"shared\"}")
                .on("GET", "/api/v1/tasks/" + taskId, 200, "{\"task_id\":\"" + taskId + "\",\"status\":\"completed\","
                                                           + "\"AUROC\":\"0.8123\",\"line_count\":500}");
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/nclue-test-routes.yaml");
        main.addInitialProperty("camel.beans.nclueDs", "#class:org.postgresql.ds.PGSimpleDataSource");
        main.addInitialProperty("camel.beans.nclueDs.url", jdbcUrl);
        main.addInitialProperty("camel.component.nclue.ledger-data-source", "#nclueDs");
        main.addInitialProperty("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        main.addInitialProperty("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        main.addInitialProperty("camel.component.nclue.nclue-endpoint", API.url());
        main.addInitialProperty("demo.bucket", "nclue-demo");
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().requestBody("direct:train",
                    Map.of("name", "shared", "train_feature_id", "feat-1"), String.class);

            NclueComponent nclue = main.getCamelContext().getComponent("nclue", NclueComponent.class);
            assertInstanceOf(PGSimpleDataSource.class, nclue.getLedgerDataSource());
        } finally {
            main.stop();
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, id FROM " + JdbcJobLedger.DEFAULT_TABLE_PREFIX + "jobs")) {
            assertTrue(rs.next(), "the create is recorded in PostgreSQL");
            assertEquals("shared", rs.getString(1));
            assertEquals(taskId, rs.getString(2));
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            assertEquals(List.of(), EmbeddedPostgresSupport.rowsHolding(c, JdbcJobLedger.DEFAULT_TABLE_PREFIX,
                    ApiServer.ACCESS_KEY), "the access key is in no table");
        }
    }
}
