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

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnclue.client.SharedQuota;
import io.github.camelnclue.exception.JobLedgerException;
import io.github.camelnclue.model.JobKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default ledger: embedded, crash safe, in one directory of the local file system. Every change is appended to a
 * journal ({@code ledger.jsonl}, one JSON event per line) and forced to disk before the method returns, so an
 * acknowledged write survives a crash of the JVM or the machine; a call that changes nothing writes nothing.
 * {@link #start()} replays the journal into memory (ignoring a last line torn by a crash) and compacts it to a snapshot
 * of the current state, written beside it and renamed over it atomically, when it holds more than twice that state or
 * a torn last line; it is compacted again once more lines were appended than the last snapshot held (at least
 * 10,000), so replay and compaction cost what the state holds, not its history. A journal written before scopes
 * were hashed ({@link AccountScope}) is rewritten at start with them hashed. While started, the ledger holds a
 * lock on {@code ledger.lock} so that a second process cannot
 * use the same directory; the operating system releases it if the process dies.
 * <p>
 * The rules are those of {@link InMemoryJobLedger}, which holds the state. If a journal write fails, the call throws
 * {@link JobLedgerException} and so does every later one until the ledger is closed and started again (which reloads
 * what is on disk). Thread safe.
 */
public class FileJobLedger implements JobLedger {

    private static final Logger LOG = LoggerFactory.getLogger(FileJobLedger.class);

    static final String JOURNAL = "ledger.jsonl";
    static final String LOCK = "ledger.lock";
    static final int DEFAULT_COMPACT_AFTER_LINES = 10_000;

    private final Path directory;
    private final int compactAfterLines;
    private LedgerState state;
    private LedgerJournal journal;
    private FileChannel lockChannel;
    private FileLock lock;
    private IOException failure;

    public FileJobLedger(Path directory) {
        this(directory, DEFAULT_COMPACT_AFTER_LINES);
    }

    FileJobLedger(Path directory, int compactAfterLines) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        this.compactAfterLines = compactAfterLines;
    }

    public Path getDirectory() {
        return directory;
    }

    @Override
    public synchronized void start() throws IOException {
        if (journal != null) {
            return;
        }
        Files.createDirectories(directory);
        lock();
        LedgerState loaded = new LedgerState();
        LedgerJournal opened = new LedgerJournal(directory.resolve(JOURNAL));
        try {
            boolean clean = replay(loaded, opened);
            // rewritten when a crash left a torn tail, when it holds much more than the state, or when it holds
            // access keys (scopes of before they were hashed): a journal that is (nearly) a snapshot already is
            // appended to as it is, so a restart costs one read
            if (!clean || loaded.hadPlainScopes() || opened.lines() > 2L * loaded.snapshotSize()) {
                opened.replace(lines(loaded));
                if (loaded.hadPlainScopes()) {
                    LOG.info("Rewrote the ledger journal {} with the access keys of its scopes hashed", opened.file());
                }
            }
        } catch (IOException | RuntimeException e) {
            unlock();
            throw e;
        }
        state = loaded;
        journal = opened;
        failure = null;
    }

    @Override
    public synchronized boolean recordIntent(String scope, JobKind kind, String name) {
        if (view().findByName(scope, kind, name).isPresent()) {
            return false;
        }
        change(s -> s.intent(Instant.now(), scope, kind, name), () -> view().findByName(scope, kind, name));
        return true;
    }

    @Override
    public synchronized void forgetIntent(String scope, JobKind kind, String name) {
        change(s -> s.forget(Instant.now(), scope, kind, name), () -> view().findByName(scope, kind, name));
    }

    @Override
    public synchronized void recordJob(String scope, JobKind kind, String name, String id, String recordJson) {
        change(s -> s.job(Instant.now(), scope, kind, name, id, recordJson),
                () -> view().findByName(scope, kind, name));
    }

    @Override
    public synchronized boolean recordStatus(
            String scope, JobKind kind, String id, String status, String recordJson) {
        return change(s -> s.status(Instant.now(), scope, kind, id, status, recordJson),
                () -> view().findById(scope, kind, id));
    }

    @Override
    public synchronized void forget(String scope, JobKind kind, String id) {
        change(s -> s.forgetJob(Instant.now(), scope, kind, id), () -> view().findById(scope, kind, id));
    }

    @Override
    public synchronized void markEmitted(String consumerId, String scope, JobKind kind, String id, int count) {
        change(s -> s.emitted(Instant.now(), consumerId, scope, kind, id, count),
                () -> view().emittedCount(consumerId, scope, kind, id));
    }

    /** Leases are not journaled: the directory lock keeps other processes out, and a restart ends every lease. */
    @Override
    public synchronized LeaderLease takeLead(String namespace) {
        return view().takeLead(namespace);
    }

    @Override
    public synchronized boolean holdsLead(LeaderLease lease) {
        return view().holdsLead(lease);
    }

    @Override
    public synchronized int emittedCount(String consumerId, String scope, JobKind kind, String id) {
        return view().emittedCount(consumerId, scope, kind, id);
    }

    @Override
    public synchronized Optional<TrackedJob> findById(String scope, JobKind kind, String id) {
        return view().findById(scope, kind, id);
    }

    @Override
    public synchronized Optional<TrackedJob> findByName(String scope, JobKind kind, String name) {
        return view().findByName(scope, kind, name);
    }

    @Override
    public synchronized List<TrackedJob> jobs(String scope, JobKind kind) {
        return view().jobs(scope, kind);
    }

    @Override
    public synchronized boolean registerConsumer(String consumerId, String scope, JobKind kind, boolean replay) {
        return change(s -> s.consumer(Instant.now(), consumerId, scope, kind, replay),
                () -> view().isKnownConsumer(consumerId, scope, kind));
    }

    @Override
    public synchronized boolean isKnownConsumer(String consumerId, String scope, JobKind kind) {
        return view().isKnownConsumer(consumerId, scope, kind);
    }

    @Override
    public synchronized List<PendingJob> pendingChanges(String consumerId, String scope, JobKind kind, int limit) {
        return view().pendingChanges(consumerId, scope, kind, limit);
    }

    @Override
    public synchronized List<TrackedJob> inFlight(String scope, JobKind kind) {
        return view().inFlight(scope, kind);
    }

    /** Journals the prune when it forgets a job; the next compaction leaves the pruned jobs out of the snapshot. */
    @Override
    public synchronized int prune(Instant terminalBefore) {
        int before = view().size();
        change(s -> s.prune(Instant.now(), terminalBefore), () -> view().size());
        int pruned = before - view().size();
        if (pruned > 0) {
            try {
                journal.replace(lines(state));
            } catch (IOException e) {
                failure = e;
                throw new JobLedgerException("Cannot compact the ledger journal in " + directory, e);
            }
        }
        return pruned;
    }

    /** The quota file beside the journal: one process owns the directory, so it is the process's successor's. */
    @Override
    public SharedQuota sharedQuota() {
        return new FileSharedQuota(directory.resolve("quota"));
    }

    @Override
    public synchronized void close() {
        try {
            if (journal != null) {
                journal.close();
            }
        } catch (IOException e) {
            // every acknowledged line was forced already: nothing is lost
        } finally {
            journal = null;
            state = null;
            unlock();
        }
    }

    @Override
    public String toString() {
        return "FileJobLedger[" + directory + "]";
    }

    /**
     * Applies an event and journals it if it changed what {@code affected} shows, so repeated polls of an unchanged
     * job write nothing.
     */
    private boolean change(Function<LedgerState, ObjectNode> factory, Supplier<Object> affected) {
        view(); // started and not failed
        ObjectNode event = factory.apply(state);
        Object before = affected.get();
        boolean result = state.apply(event);
        if (!Objects.equals(before, affected.get())) {
            try {
                journal.append(state.toLine(event));
                // counted from the last compaction, and at least the size of that snapshot: the journal stays
                // within twice the state, and rewriting it costs a constant share of the appends, whatever the size
                if (journal.appended() > Math.max(compactAfterLines, journal.lines() - journal.appended())) {
                    journal.replace(lines(state));
                }
            } catch (IOException e) {
                // memory is now ahead of the disk: refuse further use until a restart reloads the journal
                failure = e;
                throw new JobLedgerException("Cannot write the ledger journal in " + directory, e);
            }
        }
        return result;
    }

    private InMemoryJobLedger view() {
        if (journal == null) {
            throw new IllegalStateException(this + " is not started");
        }
        if (failure != null) {
            throw new JobLedgerException(this + " failed to write its journal; restart it to reload", failure);
        }
        return state.view();
    }

    /** Replays the journal into {@code state}, line by line; false if its last line was torn or unreadable. */
    private static boolean replay(LedgerState state, LedgerJournal journal) throws IOException {
        boolean[] clean = { true };
        boolean complete = journal.read((line, last) -> {
            if (line.isBlank()) {
                return;
            }
            try {
                state.applyLine(line);
            } catch (IOException | RuntimeException e) {
                if (last) {
                    // a crash can leave garbage behind the last acknowledged line (e.g. zeros after a power loss)
                    LOG.warn("Ignoring an unreadable last line of the ledger journal {}: {}",
                            journal.file(), e.toString());
                    clean[0] = false;
                    return;
                }
                throw new IOException("Corrupt ledger journal " + journal.file() + " at line " + journal.lines(), e);
            }
        });
        return complete && clean[0];
    }

    private static List<String> lines(LedgerState state) {
        return state.snapshot().stream().map(state::toLine).toList();
    }

    private void lock() throws IOException {
        Path lockFile = directory.resolve(LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null; // held by another ledger in this JVM
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException("The ledger directory " + directory
                    + " is in use by another ledger (another process or ledger holds the lock on " + lockFile
                    + "); give each instance its own directory or use a JdbcJobLedger to share tracking");
        }
        lockChannel = channel;
        lock = acquired;
    }

    private void unlock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
