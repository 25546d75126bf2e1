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
package io.github.camelnclue.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import io.github.camelnclue.exception.NclueRequestQueueException;

/**
 * Keeps requests of one access key at most {@code permitsPerSecond} as the server sees them, without blocking a thread.
 * One request is in flight at a time and the next is sent one interval after the previous reply arrived: spacing send
 * times alone is not enough, because a request delayed on the way (a new connection, a slow hop) lands close to the
 * next one and the gateway answers 429. Callers wait in a bounded queue on futures; a caller that waited longer than
 * its queue timeout, or that cancelled its future, leaves the queue and is never granted. Grants and expiries run on
 * the scheduler given (the component's), never on a thread of their own.
 */
public final class RequestRateLimiter {

    /** Expiry checks run at most this often, so 10,000 queued requests with staggered deadlines cost few checks. */
    private static final long EXPIRY_GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Waiter(CompletableFuture<Void> permit, long enqueuedNanos, long deadlineNanos) {
    }

    private final String name;
    private final LongSupplier nanoClock;
    private final BiConsumer<Runnable, Long> scheduler;
    private final int maxQueued;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    // when the requests of the last minute were let through, for the dev console (at most 60 per permit per second)
    private final Deque<Long> recentGrants = new ArrayDeque<>();
    private final AtomicLong throttled = new AtomicLong();
    private long intervalNanos;
    private boolean inFlight;
    private boolean grantScheduled;
    private boolean expiryScheduled;
    private long nextAllowed;
    private SharedQuota sharedQuota = SharedQuota.LOCAL;
    private String sharedKey;
    private Duration sharedLease;

    /**
     * @param name      what errors call this limiter: API base URL and masked access key, never the key itself
     * @param maxQueued how many requests may wait; one more is refused at once
     * @param scheduler runs a task after a delay in nanoseconds
     */
    public RequestRateLimiter(String name, double permitsPerSecond, int maxQueued, LongSupplier nanoClock,
                              BiConsumer<Runnable, Long> scheduler) {
        if (maxQueued < 1) {
            throw new IllegalArgumentException("requestQueueSize must be >= 1 but was " + maxQueued);
        }
        this.name = name;
        this.intervalNanos = interval(permitsPerSecond);
        this.maxQueued = maxQueued;
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        this.nextAllowed = nanoClock.getAsLong();
    }

    RequestRateLimiter(double permitsPerSecond, LongSupplier nanoClock, BiConsumer<Runnable, Long> scheduler) {
        this("test", permitsPerSecond, Integer.MAX_VALUE, nanoClock, scheduler);
    }

    private static long interval(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0 but was " + permitsPerSecond);
        }
        return (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    /**
     * Another user of this limiter asks for {@code permitsPerSecond}: one key has one quota, so the strictest rate
     * asked for applies to all.
     */
    public synchronized void limitTo(double permitsPerSecond) {
        intervalNanos = Math.max(intervalNanos, interval(permitsPerSecond));
    }

    /**
     * Shares this key's quota with the other processes of {@code quota}: after the local grant, a request also claims
     * the shared slot ({@link #claimShared()}) and releases it with its reply ({@link #releaseShared()}).
     *
     * @param key   the key's identity in the shared store (a hash, never the access key)
     * @param lease how long a claim holds unless renewed: how long a process that died mid-request holds the slot
     */
    public synchronized void shareThrough(SharedQuota quota, String key, Duration lease) {
        this.sharedQuota = quota;
        this.sharedKey = key;
        this.sharedLease = lease;
    }

    /**
     * Claims the shared slot for the request this limiter granted; blocking (a file, a database), so call it from a
     * worker thread.
     *
     * @return zero when the request may go, else how long to wait before claiming again (the local permit is kept)
     */
    public Duration claimShared() {
        SharedQuota quota;
        Duration interval;
        synchronized (this) {
            quota = sharedQuota;
            interval = Duration.ofNanos(intervalNanos);
        }
        return quota.claim(sharedKey, interval, sharedLease);
    }

    /**
     * How often the request holding the shared slot renews its claim, or null if claims do not expire: a fifth of the
     * lease, so a renewal may be late or fail a few times before the claim of a live holder runs out.
     */
    public synchronized Duration sharedRenewal() {
        return sharedQuota.leased() ? sharedLease.dividedBy(5) : null;
    }

    /** Renews the shared claim of the request in flight (see {@link #sharedRenewal()}); blocking, like the claim. */
    public void renewShared() {
        SharedQuota quota;
        Duration lease;
        synchronized (this) {
            quota = sharedQuota;
            lease = sharedLease;
        }
        quota.renew(sharedKey, lease);
    }

    /** The granted request's reply is in: the key's next request, from any process, may go one interval from now. */
    public void releaseShared() {
        SharedQuota quota;
        Duration interval;
        synchronized (this) {
            quota = sharedQuota;
            interval = Duration.ofNanos(intervalNanos);
        }
        quota.release(sharedKey, interval);
    }

    /** The limiter's name as errors show it (masked access key). */
    public String name() {
        return name;
    }

    /** Waits without limit; see {@link #acquire(Duration)}. */
    public CompletableFuture<Void> acquire() {
        return acquire(null);
    }

    /**
     * A future completed when the caller may send; the caller must {@link #release()} once the reply is in. It fails
     * with {@link NclueRequestQueueException} when the queue is full or after {@code queueTimeout} in the queue;
     * cancelling it leaves the queue.
     *
     * @param queueTimeout how long to wait for a turn, or null for no limit
     */
    public CompletableFuture<Void> acquire(Duration queueTimeout) {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        boolean grantNow;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            grantNow = !inFlight && waiting.isEmpty() && now >= nextAllowed;
            if (grantNow) {
                inFlight = true;
                recordGrant();
            } else if (waiting.size() >= maxQueued) {
                return CompletableFuture.failedFuture(NclueRequestQueueException.full(name, maxQueued));
            } else {
                throttled.incrementAndGet();
                long deadline = queueTimeout != null ? now + queueTimeout.toNanos() : Long.MAX_VALUE;
                waiting.add(new Waiter(permit, now, deadline));
                scheduleGrant();
                if (queueTimeout != null) {
                    scheduleExpiry(deadline - now);
                }
            }
        }
        if (grantNow) {
            permit.complete(null);
        } else {
            // a cancelled caller (a health check that gave up) leaves the queue at once
            permit.whenComplete((ignored, failure) -> {
                if (permit.isCancelled()) {
                    leave(permit);
                }
            });
        }
        return permit;
    }

    /** The reply to the granted request arrived (or it failed): the next may go one interval from now. */
    public void release() {
        synchronized (this) {
            inFlight = false;
            nextAllowed = nanoClock.getAsLong() + intervalNanos;
            scheduleGrant();
        }
    }

    private synchronized void leave(CompletableFuture<Void> permit) {
        waiting.removeIf(waiter -> waiter.permit() == permit);
    }

    private void scheduleGrant() {
        if (!inFlight && !grantScheduled && !waiting.isEmpty()) {
            grantScheduled = true;
            scheduler.accept(this::grant, Math.max(0, nextAllowed - nanoClock.getAsLong()));
        }
    }

    private void scheduleExpiry(long delayNanos) {
        if (!expiryScheduled) {
            expiryScheduled = true;
            scheduler.accept(this::expire, Math.max(EXPIRY_GRANULARITY_NANOS, delayNanos));
        }
    }

    private void grant() {
        while (true) {
            Waiter next;
            synchronized (this) {
                grantScheduled = false;
                if (inFlight || waiting.isEmpty()) {
                    return;
                }
                if (nanoClock.getAsLong() < nextAllowed) {
                    scheduleGrant();
                    return;
                }
                next = waiting.poll();
                inFlight = true;
            }
            if (next.permit().complete(null)) {
                synchronized (this) {
                    recordGrant();
                }
                return;
            }
            // cancelled or expired meanwhile: nothing will be sent for it, so the slot goes to the next caller now
            synchronized (this) {
                inFlight = false;
            }
        }
    }

    private void expire() {
        List<Waiter> expired = new ArrayList<>();
        long now;
        synchronized (this) {
            expiryScheduled = false;
            now = nanoClock.getAsLong();
            long earliest = Long.MAX_VALUE;
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                if (waiter.deadlineNanos() <= now) {
                    it.remove();
                    expired.add(waiter);
                } else {
                    earliest = Math.min(earliest, waiter.deadlineNanos());
                }
            }
            if (earliest != Long.MAX_VALUE) {
                scheduleExpiry(earliest - now);
            }
        }
        for (Waiter waiter : expired) {
            waiter.permit().completeExceptionally(NclueRequestQueueException.timedOut(name,
                    Duration.ofNanos(now - waiter.enqueuedNanos())));
        }
    }

    private void recordGrant() {
        long now = nanoClock.getAsLong();
        recentGrants.addLast(now);
        dropGrantsBefore(now - MINUTE_NANOS);
    }

    private void dropGrantsBefore(long nanos) {
        while (!recentGrants.isEmpty() && recentGrants.peekFirst() - nanos < 0) {
            recentGrants.pollFirst();
        }
    }

    /** How many requests this limiter let through in the last minute. */
    public synchronized int requestsInLastMinute() {
        dropGrantsBefore(nanoClock.getAsLong() - MINUTE_NANOS);
        return recentGrants.size();
    }

    /** Whether a request holds the permit now (sent, its reply not in yet). */
    public synchronized boolean isInFlight() {
        return inFlight;
    }

    /** How many requests had to wait since this limiter was created. */
    public long throttledCount() {
        return throttled.get();
    }

    /** How many requests are waiting now. */
    public synchronized int waitingCount() {
        return waiting.size();
    }
}
