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

/**
 * This instance's lead of a namespace (one account and kind), taken from the ledger once the cluster service elected
 * it. A lease taken later has a higher epoch, and the ledger refuses writes made under an earlier one: a leader deposed
 * without knowing it yet (a paused JVM, a network partition, a Kubernetes Lease that expired) cannot record a status or
 * mark a change emitted after its successor took over.
 *
 * @param namespace the cluster namespace led, see {@link JobLeadership#namespace}; null for {@link #ALONE}
 * @param epoch     higher than every lease of the namespace taken before on the same store
 */
public record LeaderLease(String namespace, long epoch) {

    /** What an instance without a cluster service writes under: it watches alone, so nothing is fenced. */
    public static final LeaderLease ALONE = new LeaderLease(null, 0);

    /** Whether the ledger checks this lease before a write. */
    public boolean fenced() {
        return namespace != null;
    }
}
