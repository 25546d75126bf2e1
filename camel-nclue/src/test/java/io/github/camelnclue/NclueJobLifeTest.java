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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobStatus;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.JobLedger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name is taken by its job until the job is gone: deleted through the component or vanished from NCLUE. */
class NclueJobLifeTest extends NclueTestSupport {

    private static final String TASKS = "/api/v1/tasks";
    private static final String CREATE = "nclue:tasks?operation=create&trainFeatureId=f1&trainBucket=b"
                                         + "&trainFilePath=labels/train.tsv&name=nightly";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("nclue:tasks?statuses=deleted&delay=50").routeId("gone").to("mock:gone");
            }
        };
    }

    @Test
    void aDeleteThroughTheComponentFreesTheNameSoTheNextCreateMakesANewJob() {
        API.on("POST", TASKS, created("t1"), created("t2"))
                .on("DELETE", TASKS + "/t1", 200, task("t1", "registered"));

        assertEquals("t1", template.request(CREATE, e -> {
        }).getMessage().getHeader(NclueConstants.TASK_ID));
        Exchange deleted = template.request("nclue:tasks?operation=delete&taskId=t1", e -> {
        });
        Exchange recreated = template.request(CREATE, e -> {
        });

        assertNull(deleted.getException());
        assertNull(recreated.getException());
        assertEquals("t2", recreated.getMessage().getHeader(NclueConstants.TASK_ID));
        assertEquals(List.of("POST " + TASKS, "DELETE " + TASKS + "/t1", "POST " + TASKS), requestLines());
        assertEquals("t2", ledger().findByName(scope(), JobKind.TASKS, "nightly").orElseThrow().id());
    }

    @Test
    void anAdoptedIdThatAnswers404IsNotAdoptedAndTheCreateGoesAhead() {
        API.on("POST", TASKS, created("t1"), created("t2"));
        template.request(CREATE, e -> {
        });
        // t1 was deleted outside the component: the ledger still holds it under the name

        Exchange recreated = template.request(CREATE, e -> {
        });

        assertNull(recreated.getException());
        assertEquals("t2", recreated.getMessage().getHeader(NclueConstants.TASK_ID));
        assertEquals(List.of("POST " + TASKS, "GET " + TASKS + "/t1", "POST " + TASKS), requestLines());
        assertEquals("t2", ledger().findByName(scope(), JobKind.TASKS, "nightly").orElseThrow().id());
    }

    @Test
    void aVanishedJobIsRecordedDeletedForConsumersAndNeverPolledAgain() throws Exception {
        MockEndpoint gone = getMockEndpoint("mock:gone");
        gone.expectedMessageCount(1);
        gone.expectedHeaderReceived(NclueConstants.STATUS, JobStatus.DELETED);
        // read once while it exists, then 404: the list does not show it (deleted elsewhere)
        API.on("GET", TASKS + "/t9", ApiServer.Reply.json(200, task("t9", "in_progress")),
                ApiServer.Reply.json(404, "{\"code\":404,\"message\":\"NOT_FOUND\"}"))
                .on("GET", TASKS + "?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":0,\"tasks\":[]}");

        Exchange waited = template.request("nclue:tasks?operation=get&waitForCompletion=true&taskId=t9", e -> {
        });

        NclueJobFailedException failed = assertInstanceOf(NclueJobFailedException.class, waited.getException());
        assertTrue(failed.getMessage().contains(JobStatus.DELETED), failed.getMessage());
        gone.assertIsSatisfied();
        assertEquals(JobStatus.DELETED, ledger().findById(scope(), JobKind.TASKS, "t9").orElseThrow().lastStatus());
        long reads = readsOf("t9");
        // sweeps every 50 ms go on (the consumer holds the poller), none of them reads t9 again
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> readsOf("t9") == reads);
        // a consumer, a job, its statuses and what was emitted are on disk: the access key is in no file
        assertTrue(Files.readString(ledgerDirectory.resolve("ledger.jsonl")).contains(scope()));
        try (Stream<Path> files = Files.walk(ledgerDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(ApiServer.ACCESS_KEY), file::toString);
            }
        }
    }

    @Test
    void aCreateWithoutANameOnTheFileLedgerFailsValidationAndWritesAndSendsNothing() {
        Exchange exchange = template.request("nclue:tasks?operation=create", e -> e.getMessage().setBody("{}"));

        NclueValidationException invalid = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(invalid.getMessage().contains("name"), invalid.getMessage());
        assertTrue(API.requests().isEmpty(), "nothing sent: " + requestLines());
        assertTrue(ledger().jobs(scope(), JobKind.TASKS).isEmpty(), "nothing recorded");
    }

    private long readsOf(String id) {
        return API.requests().stream().filter(r -> r.pathWithQuery().equals(TASKS + "/" + id)).count();
    }

    /** Requests sent, without the list pages the consumer's poller reads meanwhile. */
    private List<String> requestLines() {
        return API.requests().stream().map(r -> r.method() + " " + r.pathWithQuery())
                .filter(line -> !line.startsWith("GET " + TASKS + "?")).toList();
    }

    private JobLedger ledger() {
        return context.getComponent("nclue", NclueComponent.class).runtime().tracker().ledger();
    }

    private static String scope() {
        return AccountScope.of(API.url(), ApiServer.ACCESS_KEY);
    }

    private static String task(String id, String status) {
        return "{\"task_id\":\"" + id + "\",\"task_name\":\"nightly\",\"status\":\"" + status + "\"}";
    }

    private static ApiServer.Reply created(String id) {
        return ApiServer.Reply.json(200, task(id, "registered"));
    }
}
