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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelnclue.storage.FakeS3;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** getResult bodies are closed when the exchange completes, whether the route read them, failed or stopped early. */
class NclueResultCloseTest extends NclueTestSupport {

    private static final String RUN_ID = "r-1";
    private static final String RUN_JSON = """
            {"run_id":"r-1","run_name":"predict","task_id":"t","feature_id":"f","status":"completed",
             "result_bucket":"b","result_file_path":"out/result.tsv","line_count":3}""";

    @BindToRegistry("fakeS3")
    private final FakeS3 s3 = new FakeS3();

    private final AtomicLong rowsSeen = new AtomicLong();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String result = "nclue:taskRuns?operation=getResult&s3Client=#fakeS3&resultFormat=";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fails-before-reading")
                        .to(result + "lines")
                        .throwException(new IllegalStateException("a later step failed"));
                from("direct:reads-one-row").to(result + "rows")
                        .process(e -> rowsSeen.addAndGet(e.getMessage().getBody(java.util.Iterator.class).hasNext()
                                ? 1 : 0));
                from("direct:split").to(result + "lines&resultBatchSize=2")
                        .split(body()).streaming().process(e -> rowsSeen.addAndGet(
                                e.getMessage().getBody(List.class).size())).end();
                from("direct:raw-stream").streamCache("false").to(result + "stream")
                        .throwException(new IllegalStateException("failed before reading the stream"));
            }
        };
    }

    @BeforeEach
    void storeTheResult() {
        API.on("GET", "/api/v1/task-runs/" + RUN_ID, 200, RUN_JSON);
        s3.put("b", "out/result.tsv", "a\t1\nb\t2\nc\t3\n".getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Test
    void closedWhenALaterStepFails() throws Exception {
        Exchange exchange = send("direct:fails-before-reading");

        assertInstanceOf(IllegalStateException.class, exchange.getException());
        assertClosed(1);
    }

    @Test
    void closedWhenTheRouteReadsOnlyPartOfIt() throws Exception {
        send("direct:reads-one-row");

        assertEquals(1, rowsSeen.get());
        assertClosed(1);
    }

    @Test
    void closedAfterAStreamingSplitAndRawStreamsToo() throws Exception {
        send("direct:split");
        assertEquals(3, rowsSeen.get());

        assertInstanceOf(IllegalStateException.class, send("direct:raw-stream").getException());
        assertClosed(2);
    }

    private Exchange send(String uri) {
        return template.send(uri, e -> e.getMessage().setHeader(NclueConstants.RUN_ID, RUN_ID));
    }

    private void assertClosed(int streams) throws Exception {
        Eventually.within(Duration.ofSeconds(5), () -> {
            assertEquals(streams, s3.openedStreams(), "GETs");
            assertEquals(streams, s3.closedStreams(), "every stream closed");
        });
    }
}
