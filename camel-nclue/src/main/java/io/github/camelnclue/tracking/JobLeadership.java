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

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelnclue.model.JobKind;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance watches an account's jobs of one kind: the leader of a namespace of the {@link CamelClusterService}
 * the application runs (a Kubernetes Lease, ZooKeeper, a lock file on shared storage, ...). Without a cluster service
 * in the context every instance leads, which is right for one instance. Only the leader sweeps the API and emits
 * status changes; the others complete their waits from the shared ledger.
 * <p>
 * A namespace names the kind and a hash of the account, never the access key: namespaces become lock file names,
 * ZooKeeper paths and Lease names, which must be lower-case letters, digits and dashes.
 */
public final class JobLeadership extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JobLeadership.class);

    /** What this instance is for an account and kind. */
    public enum Role {
        /** No cluster service: this instance watches on its own. */
        ALONE,
        /** The cluster service elected this instance. */
        LEADER,
        /** Another instance leads. */
        FOLLOWER
    }

    private final CamelContext camelContext;
    private final Map<String, CamelClusterView> views = new ConcurrentHashMap<>();
    private CamelClusterService clusterService;
    /** Looked up once the context had started: the application's services are all bound by then. */
    private boolean lookedUpWhenStarted;

    public JobLeadership(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        // looked up again on use as well: camel-main adds the cluster services of the registry after components start
        clusterService = lookup();
    }

    @Override
    protected void doStop() throws Exception {
        for (CamelClusterView view : views.values()) {
            try {
                clusterService.releaseView(view);
            } catch (Exception e) {
                // the context may have stopped the cluster service first; its views went with it
                LOG.debug("Releasing the cluster view {}: {}", view.getNamespace(), e.getMessage());
            }
        }
        views.clear();
        clusterService = null;
        lookedUpWhenStarted = false;
    }

    /** The cluster service leadership comes from, if the context has one. */
    public synchronized Optional<CamelClusterService> clusterService() {
        if (clusterService == null && isStarted() && !lookedUpWhenStarted) {
            lookedUpWhenStarted = camelContext.isStarted();
            clusterService = lookup();
        }
        return Optional.ofNullable(clusterService);
    }

    /**
     * The context's cluster service; else the single one bound in the registry (a bean declared in properties, which
     * camel-main may bind after it looked for services), made a context service so it starts and stops with it.
     */
    private CamelClusterService lookup() {
        Optional<CamelClusterService> service = ClusterServiceHelper.lookupService(camelContext);
        if (service.isPresent()) {
            return named(service.get());
        }
        CamelClusterService bound = camelContext.getRegistry().findSingleByType(CamelClusterService.class);
        if (bound != null) {
            named(bound);
            try {
                camelContext.addService(bound, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the cluster service " + bound.getId() + ": "
                                                + e.getMessage(), e);
            }
        }
        return bound;
    }

    /**
     * Gives a cluster service without an id one of its own, before it joins a namespace: declared in properties with
     * only its connection settings, camel-zookeeper's service has none, and ZooKeeper refuses a member without an id
     * ({@code LeaderSelector.setId(null)}).
     */
    private static CamelClusterService named(CamelClusterService service) {
        if (service.getId() == null) {
            String id = "nclue-" + UUID.randomUUID();
            service.setId(id);
            LOG.info("The cluster service {} has no id: this instance is member {}", service.getClass().getSimpleName(),
                    id);
        }
        return service;
    }

    /** Whether this instance watches the jobs of {@code kind} in {@code scope}, alone or as the elected leader. */
    public boolean isLeader(String scope, JobKind kind) {
        return role(scope, kind) != Role.FOLLOWER;
    }

    /** What this instance is for the jobs of {@code kind} in {@code scope}; joins the namespace on first ask. */
    public Role role(String scope, JobKind kind) {
        CamelClusterService service = clusterService().orElse(null);
        if (service == null) {
            return Role.ALONE;
        }
        CamelClusterView view = views.computeIfAbsent(namespace(scope, kind), namespace -> {
            try {
                CamelClusterView joined = service.getView(namespace);
                joined.addEventListener((CamelClusterEventListener.Leadership) (changed, leader) -> LOG.info(
                        "NCLUE {} of account {}: {}", kind, accountHash(scope),
                        changed.getLocalMember().isLeader() ? "this instance leads"
                                : leader != null ? "another instance leads" : "nobody leads"));
                return joined;
            } catch (Exception e) {
                throw new IllegalStateException("Could not join the cluster namespace " + namespace + " of "
                                                + service.getId() + ": " + e.getMessage(), e);
            }
        });
        return view.getLocalMember().isLeader() ? Role.LEADER : Role.FOLLOWER;
    }

    /** {@code nclue-<kind>-<16 hex digits of the account's hash>}, e.g. {@code nclue-task-runs-3f2a…}. */
    public static String namespace(String scope, JobKind kind) {
        return "nclue-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + accountHash(scope);
    }

    /**
     * A stable hash of an account that does not reveal the key: of a scope, or of {@code <base URL>|<access key>}
     * (the same for both, see {@link AccountScope#accountHash(String)}).
     */
    public static String accountHash(String scope) {
        return AccountScope.accountHash(scope);
    }
}
