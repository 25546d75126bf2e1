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
package io.github.camelnclue.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelnclue.model.JobKind;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leadership per account and kind from a real cluster service: camel-file's lock file on shared storage. */
class JobLeadershipTest {

    private static final String SCOPE = "https://nclue.apigw.ntruss.com|ACCESS_KEY_OF_THE_ACCOUNT";

    @Test
    void withoutAClusterServiceTheInstanceLeads() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            JobLeadership leadership = new JobLeadership(context);
            leadership.start();

            assertTrue(leadership.isLeader(SCOPE, JobKind.TASKS));
            assertTrue(leadership.clusterService().isEmpty());
        }
    }

    @Test
    void oneInstanceLeadsAndAnotherTakesOverWhenItStops(@TempDir Path shared) throws Exception {
        CamelContext first = instance(shared);
        CamelContext second = instance(shared);
        try {
            JobLeadership a = started(first);
            JobLeadership b = started(second);
            a.isLeader(SCOPE, JobKind.TASK_RUNS);
            b.isLeader(SCOPE, JobKind.TASK_RUNS);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> a.isLeader(SCOPE, JobKind.TASK_RUNS) != b.isLeader(SCOPE, JobKind.TASK_RUNS));
            JobLeadership leader = a.isLeader(SCOPE, JobKind.TASK_RUNS) ? a : b;
            JobLeadership follower = leader == a ? b : a;
            assertFalse(follower.isLeader(SCOPE, JobKind.TASK_RUNS));

            (leader == a ? first : second).stop();

            await().atMost(Duration.ofSeconds(10)).until(() -> follower.isLeader(SCOPE, JobKind.TASK_RUNS));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aClusterServiceWithoutAnIdGetsOneOfItsOwnBeforeItJoins(@TempDir Path shared) throws Exception {
        // as properties declare it (camel.beans.nclueCluster = #class:...): ZooKeeper's service refuses to join without
        FileLockClusterService anonymous = new FileLockClusterService();
        anonymous.setRoot(shared.resolve("anonymous").toString());
        FileLockClusterService named = new FileLockClusterService();
        named.setRoot(shared.resolve("named").toString());
        named.setId("pod-7");
        try (CamelContext first = new DefaultCamelContext(); CamelContext second = new DefaultCamelContext()) {
            first.getRegistry().bind("nclueCluster", anonymous);
            second.getRegistry().bind("nclueCluster", named);
            first.start();
            second.start();

            started(first).isLeader(SCOPE, JobKind.TASKS);
            started(second).isLeader(SCOPE, JobKind.TASKS);

            assertTrue(anonymous.getId().matches("nclue-[0-9a-f-]{36}"), anonymous.getId());
            assertEquals("pod-7", named.getId(), "an id of the user's own stays");
        }
    }

    @Test
    void namespacesNameTheKindAndHideTheKey() {
        String namespace = JobLeadership.namespace(SCOPE, JobKind.TASK_RUNS);

        assertTrue(namespace.matches("nclue-task-runs-[0-9a-f]{16}"), namespace);
        assertFalse(namespace.contains("ACCESS"), namespace);
        assertEquals(namespace, JobLeadership.namespace(SCOPE, JobKind.TASK_RUNS));
    }

    private static CamelContext instance(Path shared) throws Exception {
        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(shared.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.start();
        return context;
    }

    private static JobLeadership started(CamelContext context) {
        JobLeadership leadership = new JobLeadership(context);
        leadership.start();
        return leadership;
    }
}
