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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.tracking.AccountScope;
import io.github.camelnclue.tracking.EmbeddedPostgresSupport;
import io.github.camelnclue.tracking.JobLeadership;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of an application, configured by properties alone as users run them: one PostgreSQL ledger, one
 * cluster service (camel-file's lock file on shared storage), one access key, against an emulator that enforces NCLUE's
 * 1 request/second quota. They behave as one: one job per name, one leader sweeping, the follower's wait completed from
 * the ledger, no request over the quota; when the leader goes, the other takes over.
 */
class NclueSeveralInstancesTest {

    @TempDir
    Path shared;

    private NclueEmulator emulator;
    private Main first;
    private Main second;

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void twoInstancesShareOneLedgerOneLeaderAndOneQuota() throws Exception {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(1500)).quotaPerSecond(1).build().start();
        DemoData.seed(emulator);
        String jdbcUrl = EmbeddedPostgresSupport.newDatabase("several_instances_test");
        first = instance(jdbcUrl, "first");
        second = instance(jdbcUrl, "second");

        // both instances run the same create (a deploy's two replicas, a redelivery elsewhere) and wait for it
        CompletableFuture<Exchange> fromFirst = create(first);
        CompletableFuture<Exchange> fromSecond = create(second);
        Exchange a = fromFirst.get(90, TimeUnit.SECONDS);
        Exchange b = fromSecond.get(90, TimeUnit.SECONDS);

        assertNull(a.getException(), () -> "first: " + a.getException());
        assertNull(b.getException(), () -> "second: " + b.getException());
        assertEquals(1, emulator.stats().created(JobKind.FEATURE), "one job for one name across instances");
        assertEquals("completed", a.getMessage().getBody(Feature.class).status());
        assertEquals(a.getMessage().getHeader(NclueConstants.FEATURE_ID),
                b.getMessage().getHeader(NclueConstants.FEATURE_ID));
        assertEquals(0, emulator.stats().quotaExceeded(), "no request over the quota, whichever instance sent it");

        // exactly one leads the account's features; stopping it hands the watching to the other
        String scope = AccountScope.of(emulator.nclueEndpoint(), emulator.accessKey());
        assertTrue(runtime(first).leadership().clusterService().isPresent(), "the cluster service from properties");
        boolean firstLeads = leads(first, scope);
        assertNotEquals(firstLeads, leads(second, scope), "exactly one leader");
        Main leader = firstLeads ? first : second;
        Main follower = firstLeads ? second : first;
        leader.stop();
        if (leader == first) {
            first = null;
        } else {
            second = null;
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> leads(follower, scope));
        Exchange after = follower.getCamelContext().createProducerTemplate().request(
                "nclue:features?operation=create&name=users-after&sourceBucket=" + DemoData.BUCKET + "&sourceFilePath="
                                                                                       + DemoData.FEATURE_KEY
                                                                                       + "&waitForCompletion=true&waitTimeout=90s",
                e -> {
                });
        assertNull(after.getException(), () -> "after failover: " + after.getException());
        assertEquals("completed", after.getMessage().getBody(Feature.class).status());
        assertEquals(0, emulator.stats().quotaExceeded());
    }

    private Main instance(String jdbcUrl, String name) {
        Main main = new Main();
        Map.of("camel.main.name", name,
                "camel.beans.nclueDs", "#class:org.postgresql.ds.PGSimpleDataSource",
                "camel.beans.nclueDs.url", jdbcUrl,
                "camel.component.nclue.ledger-data-source", "#nclueDs",
                "camel.beans.nclueCluster", "#class:org.apache.camel.component.file.cluster.FileLockClusterService",
                "camel.beans.nclueCluster.root", shared.toString(),
                "camel.beans.nclueCluster.acquireLockInterval", "1",
                "camel.component.nclue.access-key", emulator.accessKey(),
                "camel.component.nclue.secret-key", emulator.secretKey(),
                "camel.component.nclue.nclue-endpoint", emulator.nclueEndpoint())
                .forEach(main::addInitialProperty);
        main.addInitialProperty("camel.beans.nclueCluster.acquireLockDelay", "1");
        main.addInitialProperty("camel.component.nclue.status-poll-delay", "200");
        main.start();
        return main;
    }

    private static CompletableFuture<Exchange> create(Main instance) {
        return instance.getCamelContext().createProducerTemplate().asyncSend(
                "nclue:features?operation=create&name=users&sourceBucket=" + DemoData.BUCKET + "&sourceFilePath="
                                                                              + DemoData.FEATURE_KEY
                                                                              + "&waitForCompletion=true&waitTimeout=90s",
                e -> {
                });
    }

    private static boolean leads(Main instance, String scope) {
        return runtime(instance).leadership().isLeader(scope, io.github.camelnclue.model.JobKind.FEATURES);
    }

    private static NclueRuntime runtime(Main instance) {
        return instance.getCamelContext().getComponent("nclue", NclueComponent.class).runtime();
    }
}
