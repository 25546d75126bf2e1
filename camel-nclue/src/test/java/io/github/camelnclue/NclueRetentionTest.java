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

import io.github.camelnclue.exception.NclueApiException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention through the component: an ended job leaves the ledger at start, and a create of its name then finds it
 * through the API.
 */
class NclueRetentionTest extends NclueTestSupport {

    private static final String SCOPE = AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
    private static final String CREATE = "nclue:tasks?operation=create&name=nightly&trainFeatureId=f&trainBucket=b"
                                         + "&trainFilePath=labels/t.tsv";
    private static final String TASK = "{\"task_id\":\"t1\",\"task_name\":\"nightly\",\"status\":\"completed\"}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("nclue", NclueComponent.class).setLedgerRetention(1);
        return context;
    }

    @Test
    void anEndedJobIsPrunedAndItsNameAdoptedThroughTheApi() throws Exception {
        NclueComponent component = context.getComponent("nclue", NclueComponent.class);
        JobLedger before = component.runtime().tracker().ledger();
        before.recordJob(SCOPE, JobKind.TASKS, "nightly", "t1", TASK);
        before.recordStatus(SCOPE, JobKind.TASKS, "t1", "completed", TASK);
        before.recordJob(SCOPE, JobKind.TASKS, "running", "t2", null);
        before.recordStatus(SCOPE, JobKind.TASKS, "t2", "in_progress", null);

        // the ledger starts with the component, and retention with it: a restart prunes what ended meanwhile
        component.stop();
        component.start();
        JobLedger ledger = component.runtime().tracker().ledger();
        Eventually.within(Duration.ofSeconds(10),
                () -> assertTrue(ledger.findByName(SCOPE, JobKind.TASKS, "nightly").isEmpty(), "pruned"));
        assertEquals("t2", ledger.findByName(SCOPE, JobKind.TASKS, "running").orElseThrow().id(), "in flight: kept");

        API.on("POST", "/api/v1/tasks", 409, "{\"code\":10102,\"message\":\"DUPLICATE_NAME\",\"details\":\"exists\"}")
                .on("GET", "/api/v1/tasks?index=0&limit=100", 200,
                        "{\"index\":0,\"limit\":100,\"total\":1,\"tasks\":[" + TASK + "]}");

        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(CREATE, (Object) null));
        assertTrue(assertInstanceOf(NclueApiException.class, refused.getCause()).isDuplicateName(),
                "onDuplicateName=fail: the ledger no longer knows the job was ours");

        Exchange adopted = template.request(CREATE + "&onDuplicateName=adopt", e -> { });
        assertEquals(null, adopted.getException());
        assertEquals("t1", adopted.getMessage().getHeader(NclueReplies.idHeader(JobKind.TASKS)));
        assertEquals("t1", ledger.findByName(SCOPE, JobKind.TASKS, "nightly").orElseThrow().id(),
                "tracked again");
        assertTrue(API.requests().stream().anyMatch(r -> r.pathWithQuery().equals("/api/v1/tasks?index=0&limit=100")),
                "looked up by name in the list pages");
    }
}
