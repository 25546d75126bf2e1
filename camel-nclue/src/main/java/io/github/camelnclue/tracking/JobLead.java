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

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's lead of one account and kind: the role its cluster service gives it, and the {@link LeaderLease} it
 * writes under once elected. An instance that learns from a refused write that another took over stays out while its
 * cluster view still names it leader, for {@link #RETAKE_AFTER}, before it takes a new lease.
 */
final class JobLead {

    /**
     * How long a deposed instance its cluster service still calls leader stays out: longer than the cluster services'
     * lease times (Kubernetes' default is 15 s), so a stale view learns the truth first.
     */
    static final Duration RETAKE_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JobLead.class);

    private final JobLedger ledger;
    private final String namespace;
    private final String described;
    private volatile Supplier<JobLeadership.Role> role = () -> JobLeadership.Role.ALONE;
    private LeaderLease lease;
    private boolean deposed;
    private long deposedAtNanos;

    /** @param described the account and kind, for logs (never the access key) */
    JobLead(JobLedger ledger, String namespace, String described) {
        this.ledger = ledger;
        this.namespace = namespace;
        this.described = described;
    }

    void follow(Supplier<JobLeadership.Role> role) {
        this.role = role;
    }

    /** The lease to write under: {@link LeaderLease#ALONE} without a cluster service, empty for a follower. */
    synchronized Optional<LeaderLease> current() {
        JobLeadership.Role now = role.get();
        if (now != JobLeadership.Role.LEADER) {
            lease = now == JobLeadership.Role.ALONE ? LeaderLease.ALONE : null;
            deposed = false;
            return Optional.ofNullable(lease);
        }
        if (lease == null || !lease.fenced()) {
            if (deposed && System.nanoTime() - deposedAtNanos < RETAKE_AFTER.toNanos()) {
                return Optional.empty();
            }
            lease = ledger.takeLead(namespace);
            deposed = false;
            LOG.info("This instance leads {} (lease epoch {})", described, lease.epoch());
        }
        return Optional.of(lease);
    }

    /** Another instance took the lead from {@code lost}: stop leading under it. */
    synchronized void deposed(LeaderLease lost) {
        if (lost.equals(lease)) {
            LOG.warn("Another instance took the lead of {} from this one (lease epoch {}): this one stops sweeping "
                     + "and emitting", described, lost.epoch());
            lease = null;
            deposed = true;
            deposedAtNanos = System.nanoTime();
        }
    }
}
