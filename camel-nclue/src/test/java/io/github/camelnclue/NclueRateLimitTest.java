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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20 concurrent callers through real HTTP: requests arrive no closer than the configured rate (4/s here to keep the
 * test short; the 1/s spacing of 20 callers is proven with a controlled clock in RequestRateLimiterTest).
 */
class NclueRateLimitTest extends NclueTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("nclue", NclueComponent.class).getConfiguration().setRequestsPerSecond(4);
        return context;
    }

    @Test
    void twentyConcurrentCallersAreSpacedByTheLimiter() {
        API.on("GET", "/api/v1/tasks/abc", 200, "{\"task_id\":\"abc\"}");

        List<CompletableFuture<Object>> calls = IntStream.range(0, 20)
                .mapToObj(i -> template.asyncRequestBody("nclue:tasks?operation=get&taskId=abc", null))
                .toList();
        calls.forEach(CompletableFuture::join);

        List<Long> arrivals = API.requests().stream().map(ApiServer.Recorded::arrivalNanos).sorted().toList();
        assertEquals(20, arrivals.size());
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            // 250 ms apart at 4/s; a little scheduling jitter either way
            assertTrue(gapMillis >= 200, "requests " + (i - 1) + " and " + i + " were " + gapMillis + " ms apart");
        }
        long totalMillis = (arrivals.get(19) - arrivals.get(0)) / 1_000_000;
        assertTrue(totalMillis >= 19 * 250 - 100, "20 requests took " + totalMillis + " ms");
    }
}
