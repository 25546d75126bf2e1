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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelnclue.ApiServer.Reply;
import io.github.camelnclue.model.NclueJob;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 10 item 2: a create of each NCLUE resource that meets a 503, a connection reset before the server acted, a
 * connection reset after it accepted the create (the job exists, the reply is lost) or a timeout is sent again and
 * ends with exactly one job -- the resend of an accepted create meets 409 DUPLICATE_NAME and adopts the job.
 */
class NclueCreateFaultTest extends NclueTestSupport {

    private record Kind(String uri, String path, String idField, String nameField, String listField) {
    }

    private static final Kind FEATURES = new Kind(
            "nclue:features?operation=create&sourceBucket=b&sourceFilePath=features/", "/api/v1/features",
            "feature_id", "feature_name", "features");
    private static final Kind TASKS = new Kind(
            "nclue:tasks?operation=create&trainFeatureId=f1&trainBucket=b&trainFilePath=labels/t.tsv", "/api/v1/tasks",
            "task_id", "task_name", "tasks");
    private static final Kind RUNS = new Kind(
            "nclue:taskRuns?operation=create&taskId=t1&featureId=f1&resultBucket=b&resultFilePath=out/",
            "/api/v1/task-runs", "run_id", "run_name", "runs");
    private static final Reply DUPLICATE = Reply.json(409,
            "{\"code\":10102,\"message\":\"DUPLICATE_NAME\",\"details\":\"name exists\"}");

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : List.of(FEATURES, TASKS, RUNS)) {
            for (String fault : List.of("503", "reset", "reset-after-accept", "timeout", "timeout-after-accept")) {
                cases.add(Arguments.of(kind.path().substring("/api/v1/".length()), kind, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("faults")
    void createRidesOutTheFaultWithExactlyOneJob(String label, Kind kind, String fault) {
        String id = "id-" + label + "-" + fault;
        String name = "job-" + fault;
        String job = "{\"" + kind.idField() + "\":\"" + id + "\",\"" + kind.nameField() + "\":\"" + name + "\","
                     + "\"status\":\"registered\"}";
        Reply created = Reply.json(200, job);
        boolean accepted = fault.endsWith("after-accept");
        Reply first = switch (fault) {
            case "503" -> Reply.json(503, "{\"error\":{\"errorCode\":\"500\",\"message\":\"Unavailable\"}}");
            case "reset", "reset-after-accept" -> Reply.reset();
            default -> created.delayed(1500); // longer than requestTimeout
        };
        // the server created the job on the first attempt: a resend is refused as a duplicate
        API.on("POST", kind.path(), first, accepted ? DUPLICATE : created);
        API.on("GET", kind.path() + "?index=0&limit=100", 200, "{\"index\":0,\"limit\":100,\"total\":2,\""
                                                             + kind.listField() + "\":[{\"" + kind.idField()
                                                             + "\":\"other\",\"" + kind.nameField()
                                                             + "\":\"other\"}," + job + "]}");

        Exchange exchange = template.request(kind.uri() + "&requestTimeout=500",
                e -> e.getMessage().setHeader(NclueConstants.NAME, name));

        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        NclueJob reply = assertInstanceOf(NclueJob.class, exchange.getMessage().getBody());
        assertEquals(id, reply.id());
        long posts = API.requests().stream().filter(r -> r.method().equals("POST")).count();
        assertEquals(2, posts, "one lost attempt and one resend");
        long lists = API.requests().stream().filter(r -> r.method().equals("GET")).count();
        assertEquals(accepted ? 1 : 0, lists, "the job is looked up only when the resend met 409");
        assertEquals(id, exchange.getMessage().getHeader(kind == FEATURES ? NclueConstants.FEATURE_ID
                : kind == TASKS ? NclueConstants.TASK_ID : NclueConstants.RUN_ID));
        // the ledger knows the job under its name, so a redelivery adopts it too
        API.on("GET", kind.path() + "/" + id, created);
        Exchange again = template.request(kind.uri(), e -> e.getMessage().setHeader(NclueConstants.NAME, name));
        assertNull(again.getException(), () -> String.valueOf(again.getException()));
        assertEquals(id, assertInstanceOf(NclueJob.class, again.getMessage().getBody()).id());
        assertEquals(2, API.requests().stream().filter(r -> r.method().equals("POST")).count(), "no third create");
    }
}
