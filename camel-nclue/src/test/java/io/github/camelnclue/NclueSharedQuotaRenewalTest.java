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
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.github.camelnclue.client.RequestRateLimiter;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;
import io.github.camelnclue.tracking.JdbcJobLedger;
import io.github.camelnclue.tracking.JdbcSharedQuota;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The request holding an access key's shared quota slot renews its claim while it runs: a reply slower than the lease
 * keeps other processes from sending until it is in, and the slot is theirs one interval after it.
 */
class NclueSharedQuotaRenewalTest extends NclueTestSupport {

    private static final String TASK = "{\"task_id\":\"abc\",\"task_name\":\"n\",\"status\":\"completed\"}";
    private static final Duration LEASE = Duration.ofMillis(400);
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aReplySlowerThanTheLeaseKeepsTheSlotUntilItIsIn() throws Exception {
        DataSource dataSource = EmbeddedPostgresSupport.newDataSource("quota_renewal_test");
        new JdbcJobLedger(dataSource).start();
        NclueEndpoint endpoint = context.getEndpoint("nclue:tasks", NclueEndpoint.class);
        RequestRateLimiter limiter = context.getComponent("nclue", NclueComponent.class).runtime()
                .rateLimiter(this, API.url(), ApiServer.ACCESS_KEY, 1, 10);
        String key = "renewal-test";
        limiter.shareThrough(new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX), key, LEASE);
        JdbcSharedQuota otherProcess = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        API.on("GET", "/api/v1/tasks/abc", ApiServer.Reply.json(200, TASK).delayed(2500));

        CompletableFuture<?> slow = endpoint.nclueClient().tasks().get("abc");
        await().atMost(Duration.ofSeconds(5)).until(() -> API.requests().size() == 1);

        // five leases while the reply is out: without renewals the other process would hold the slot by then
        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(3))
                .until(() -> !otherProcess.claim(key, SECOND, LEASE).isZero());
        slow.get();

        await().atMost(Duration.ofSeconds(3)).until(() -> otherProcess.claim(key, SECOND, LEASE).isZero());
        assertEquals(1, API.requests().size());
    }
}
