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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.camelnclue.client.SharedQuota;
import io.github.camelnclue.exception.NclueLeadershipLostException;
import io.github.camelnclue.model.JobKind;

/**
 * The durable record of every job the component created or adopted, the statuses observed and which of them each
 * consumer has emitted. Writes are durable when the method returns, so a crash loses nothing that was acknowledged.
 * Implementations are thread safe.
 */
public interface JobLedger extends AutoCloseable {

    /** What {@link #countByLastStatus} counts intents (a create about to be sent, no id yet) under. */
    String INTENT = "intent";

    /** Opens the store (creating it if needed) and loads what an earlier run left. */
    void start() throws Exception;

    /**
     * Records that a create of {@code name} is about to be sent. Does nothing if the name is already recorded.
     *
     * @return false if the name was recorded already: another exchange or instance of this application is creating
     *         (or created) it, so a job of that name is this application's
     */
    boolean recordIntent(String scope, JobKind kind, String name);

    /** Drops the intent of {@code name} (its create was refused, so no job exists); a recorded job is kept. */
    void forgetIntent(String scope, JobKind kind, String name);

    /**
     * Records the id a create returned, or of an existing job adopted under {@code name}; replaces the intent of that
     * name. Does nothing if the job is already recorded.
     */
    void recordJob(String scope, JobKind kind, String name, String id, String recordJson);

    /**
     * Stores the latest record of a tracked job and appends {@code status} if it differs from the last observed one. A
     * job whose last status is terminal takes only terminal statuses (e.g. {@code deleted} after {@code completed}):
     * an older reply recorded late changes nothing.
     *
     * @return true if the status was appended (a status change)
     */
    boolean recordStatus(String scope, JobKind kind, String id, String status, String recordJson);

    /**
     * Drops the job {@code id} and what consumers emitted of it, so its name may be created again: the job was deleted
     * (through the component, or it answered 404 when it was about to be adopted). Does nothing for an unknown id.
     */
    void forget(String scope, JobKind kind, String id);

    /** Records that {@code consumerId} has emitted the first {@code count} observed statuses of the job. */
    void markEmitted(String consumerId, String scope, JobKind kind, String id, int count);

    /**
     * Takes the lead of {@code namespace} for this instance, which the cluster service just elected: returns a lease
     * with an epoch above every lease of the namespace taken before on this ledger's store. Writes under the earlier
     * leases are refused from now on.
     */
    LeaderLease takeLead(String namespace);

    /** Whether {@code lease} is still the latest of its namespace ({@link LeaderLease#ALONE} always is). */
    boolean holdsLead(LeaderLease lease);

    /**
     * {@link #recordStatus(String, JobKind, String, String, String)} as the leader holding {@code lease}, checked in the
     * same step as the write.
     * <p>
     * The default suits a ledger of one process, whose methods lock the ledger itself: the check and the write are one
     * step under that lock. A ledger shared by processes overrides it with one transaction.
     *
     * @throws NclueLeadershipLostException if a later lease was taken; nothing is written
     */
    default boolean recordStatus(LeaderLease lease, String scope, JobKind kind, String id, String status,
            String recordJson) {
        synchronized (this) {
            requireLead(lease);
            return recordStatus(scope, kind, id, status, recordJson);
        }
    }

    /**
     * Compare-and-set: records that {@code consumerId} emitted the first {@code count} statuses of the job if it had
     * emitted {@code expected} of them, as the leader holding {@code lease}. Two instances that emitted the same change
     * cannot both mark it; the loser learns that the change was another's.
     * <p>
     * The default is one step under the ledger's own lock, as for
     * {@link #recordStatus(LeaderLease, String, JobKind, String, String, String)}.
     *
     * @return false if the count was not {@code expected} (nothing is written)
     * @throws NclueLeadershipLostException if a later lease was taken; nothing is written
     */
    default boolean markEmitted(LeaderLease lease, String consumerId, String scope, JobKind kind, String id,
            int expected, int count) {
        synchronized (this) {
            requireLead(lease);
            if (emittedCount(consumerId, scope, kind, id) != expected) {
                return false;
            }
            markEmitted(consumerId, scope, kind, id, count);
            return true;
        }
    }

    private void requireLead(LeaderLease lease) {
        if (!holdsLead(lease)) {
            throw new NclueLeadershipLostException(lease.namespace(), lease.epoch());
        }
    }

    /** How many observed statuses of the job {@code consumerId} has emitted (0 if none). */
    int emittedCount(String consumerId, String scope, JobKind kind, String id);

    Optional<TrackedJob> findById(String scope, JobKind kind, String id);

    Optional<TrackedJob> findByName(String scope, JobKind kind, String name);

    /**
     * Every tracked job and intent of the kind in the scope, oldest first. Reads the whole history of the kind: for
     * tools and tests, not for what runs on every poll (see {@link #pendingChanges} and {@link #inFlight}).
     */
    List<TrackedJob> jobs(String scope, JobKind kind);

    /**
     * How many jobs of the kind in the scope are in each status, by their last status ({@link #INTENT} for an intent,
     * {@code "null"} for a job without a status yet), for the dev console. Without reading the jobs: on a shared
     * database a history of 100,000 jobs is counted where it is.
     */
    default Map<String, Integer> countByLastStatus(String scope, JobKind kind) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TrackedJob job : jobs(scope, kind)) {
            counts.merge(job.isIntent() ? INTENT : String.valueOf(job.lastStatus()), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Makes {@code consumerId} a known consumer of the kind in the scope, unless it is known already (then nothing
     * changes, and it resumes where it was). A new consumer that does not {@code replay} has emitted every status
     * recorded so far (it starts from now); one that replays has emitted nothing. A consumer that
     * {@link #markEmitted marks} a change emitted becomes known too, replaying.
     *
     * @return true if the consumer was new
     */
    boolean registerConsumer(String consumerId, String scope, JobKind kind, boolean replay);

    /** True if {@code consumerId} is a known consumer of the kind in the scope. */
    boolean isKnownConsumer(String consumerId, String scope, JobKind kind);

    /**
     * The jobs with statuses a known consumer has not emitted yet, each with how many it emitted, oldest job first: what
     * one consumer poll needs, at a cost that follows the changes pending, not the history (empty for a consumer that
     * is not known).
     *
     * @param limit at most this many jobs; 0 or less for all
     */
    List<PendingJob> pendingChanges(String consumerId, String scope, JobKind kind, int limit);

    /**
     * The jobs among {@code ids} that have ended: what an instance that does not lead reads each sweep to end the waits
     * parked on it. The default reads them one by one, which costs a ledger in memory nothing; a database answers in
     * one statement.
     */
    default List<TrackedJob> ended(String scope, JobKind kind, Collection<String> ids) {
        List<TrackedJob> ended = new ArrayList<>();
        for (String id : ids) {
            findById(scope, kind, id).filter(TrackedJob::terminal).ifPresent(ended::add);
        }
        return ended;
    }

    /** The tracked jobs of the kind in the scope that have not reached a terminal status (intents excluded), oldest first. */
    List<TrackedJob> inFlight(String scope, JobKind kind);

    /**
     * Retention: forgets every job whose last status is terminal, observed before {@code terminalBefore}, and that
     * every known consumer of its kind has emitted completely. Intents and jobs in flight are kept.
     *
     * @return how many jobs were forgotten
     */
    int prune(Instant terminalBefore);

    /**
     * Where the request quota of an access key is shared with the other processes that use this ledger's store: a
     * ledger shared by instances shares the quota too, a file ledger remembers it across restarts. Default: nothing
     * shared.
     */
    default SharedQuota sharedQuota() {
        return SharedQuota.LOCAL;
    }

    @Override
    void close();
}
