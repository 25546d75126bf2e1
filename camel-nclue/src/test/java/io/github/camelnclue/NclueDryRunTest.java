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
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.DryRunRequest;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dryRun=true: validated, looked up and signed, then nothing sent and nothing written. */
class NclueDryRunTest extends NclueTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_TASK = "nclue:tasks?operation=create&name=nightly&trainFeatureId=f1"
                                              + "&trainBucket=b&trainFilePath=labels/t.tsv";

    @Test
    void aCreateIsDescribedNotSent() throws Exception {
        Exchange exchange = template.request(CREATE_TASK + "&dryRun=true&waitForCompletion=true", e -> {
        });

        assertNull(exchange.getException());
        DryRunRequest request = assertInstanceOf(DryRunRequest.class, exchange.getMessage().getBody());
        assertEquals("tasks.create", request.operation());
        assertEquals("POST", request.method());
        assertEquals(API.url() + "/api/v1/tasks", request.url());
        assertEquals(JSON.readTree("{\"name\":\"nightly\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\","
                                   + "\"train_file_path\":\"labels/t.tsv\"}"), JSON.readTree(request.body()));
        assertFalse(request.wouldAdopt());
        assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(NclueConstants.WOULD_ADOPT));
        assertEquals(List.of(), API.requests(), "nothing sent, not even with waitForCompletion");
        assertTrue(ledger().findByName(scope(), JobKind.TASKS, "nightly").isEmpty(), "nothing written: no intent");
        String all = request.toString();
        assertFalse(all.contains(ApiServer.SECRET_KEY) || all.contains(ApiServer.ACCESS_KEY), "no credentials: " + all);
    }

    @Test
    void aDryRunValidatesLikeARealCreate() {
        Exchange exchange = template.request("nclue:shoppingIntents?operation=create&dryRun=true&taskId=t1", e -> {
        });

        NclueValidationException invalid = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(invalid.getMessage().contains("name"), invalid.getMessage());
        assertEquals(List.of(), API.requests());
    }

    @Test
    void aNameTheLedgerKnowsWouldBeAdopted() {
        API.on("POST", "/api/v1/tasks", 200, "{\"task_id\":\"t1\",\"task_name\":\"nightly\",\"status\":\"registered\"}");
        template.requestBody(CREATE_TASK, (Object) null);
        API.requests().clear();

        Exchange exchange = template.request(CREATE_TASK + "&dryRun=true", e -> {
        });

        DryRunRequest request = exchange.getMessage().getBody(DryRunRequest.class);
        assertTrue(request.wouldAdopt());
        assertEquals("t1", request.adoptedId());
        assertEquals(Boolean.TRUE, exchange.getMessage().getHeader(NclueConstants.WOULD_ADOPT));
        assertEquals(List.of(), API.requests(), "the adopted job is not even read");
    }

    @Test
    void profilesSubmitsAndDeletesAreDescribedToo() throws Exception {
        DryRunRequest custom = template.requestBody("nclue:customAttributes?operation=create&dryRun=true&name=runners"
                                                    + "&featureId=f1&resultBucket=b&resultFilePath=out/",
                Map.of("keyword_set", "running\nmarathon"), DryRunRequest.class);
        DryRunRequest submit = template.requestBody("nclue:aiApps?operation=submit&dryRun=true", """
                {"aiWorkspaceId":"6ZKSGoSJMMwctK257nxgiL","namePrefix":"demo","queueName":"gpu",
                 "data":{"input":[],"output":[]},"docker":{"image":"repo/img:1"},"resource":{"cpuCount":1}}""",
                DryRunRequest.class);
        DryRunRequest delete = template.requestBody("nclue:shoppingIntents?operation=delete&dryRun=true&profileId=p1",
                null, DryRunRequest.class);
        DryRunRequest kill = template.requestBody("nclue:aiApps?operation=kill&dryRun=true&aiAppId=app1", null,
                DryRunRequest.class);

        assertEquals(API.url() + "/api/v1/profile/custom-attributes", custom.url());
        assertEquals("running\nmarathon", JSON.readTree(custom.body()).get("keyword_set").asText());
        assertEquals(API.url() + "/api/v2/aiapps/submit", submit.url());
        assertEquals("demo", JSON.readTree(submit.body()).get("namePrefix").asText());
        assertEquals("DELETE " + API.url() + "/api/v1/profile/shopping-intents/p1", delete.method() + " " + delete.url());
        assertNull(delete.body());
        assertEquals(JSON.readTree("{\"id\":\"app1\"}"), JSON.readTree(kill.body()));
        assertEquals(List.of(), API.requests());
    }

    @Test
    void readsRunAsUsualInADryRun() {
        API.on("GET", "/api/v1/tasks/t1", 200, "{\"task_id\":\"t1\",\"task_name\":\"nightly\",\"status\":\"completed\"}");

        Exchange exchange = template.request("nclue:tasks?operation=get&dryRun=true&taskId=t1", e -> {
        });

        assertEquals("completed", exchange.getMessage().getHeader(NclueConstants.STATUS));
        assertEquals(1, API.requests().size());
    }

    @Test
    void theComponentOptionMakesEveryCreateADryRun() {
        context.getComponent("nclue", NclueComponent.class).getConfiguration().setDryRun(true);
        try {
            Exchange exchange = template.request(CREATE_TASK + "&name=other", e -> {
            });
            assertInstanceOf(DryRunRequest.class, exchange.getMessage().getBody());
            assertEquals(List.of(), API.requests());
        } finally {
            context.getComponent("nclue", NclueComponent.class).getConfiguration().setDryRun(false);
        }
    }

    private JobLedger ledger() throws Exception {
        return context.getComponent("nclue", NclueComponent.class).runtime().tracker().ledger();
    }

    private static String scope() {
        return AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
    }
}
