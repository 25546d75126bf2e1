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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared quota: on PostgreSQL between processes, and in a file across a restart. */
class SharedQuotaTest {

    private static final String KEY = "0123456789abcdef";
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static DataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = EmbeddedPostgresSupport.newDataSource("shared_quota_test");
        new JdbcJobLedger(dataSource).start();
    }

    @Test
    void onlyOneProcessHoldsAKeyAndTheNextWaitsAnIntervalFromTheRelease() {
        JdbcSharedQuota first = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        JdbcSharedQuota second = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        String key = KEY + "a";

        assertEquals(Duration.ZERO, first.claim(key, SECOND, Duration.ofMinutes(1)));
        assertEquals(JdbcSharedQuota.HELD_RECHECK, second.claim(key, SECOND, Duration.ofMinutes(1)));

        first.release(key, SECOND);
        Duration wait = second.claim(key, SECOND, Duration.ofMinutes(1));

        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(SECOND) <= 0, wait.toString());
        await().atMost(Duration.ofSeconds(3))
                .until(() -> second.claim(key, SECOND, Duration.ofMinutes(1)).isZero());
        assertEquals(JdbcSharedQuota.HELD_RECHECK, first.claim(key, SECOND, Duration.ofMinutes(1)));
    }

    @Test
    void aClaimOfAProcessThatDiedEndsWithItsLease() {
        JdbcSharedQuota dead = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        JdbcSharedQuota survivor = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        String key = KEY + "b";
        assertEquals(Duration.ZERO, dead.claim(key, SECOND, Duration.ofMillis(300)));

        assertEquals(JdbcSharedQuota.HELD_RECHECK, survivor.claim(key, SECOND, Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(3))
                .until(() -> survivor.claim(key, SECOND, Duration.ofMinutes(1)).isZero());
    }

    @Test
    void aHolderThatRenewsKeepsTheSlotPastItsLease() {
        JdbcSharedQuota holder = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        JdbcSharedQuota other = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        String key = KEY + "e";
        Duration lease = Duration.ofMillis(300);
        assertEquals(Duration.ZERO, holder.claim(key, SECOND, lease));

        // a request that takes three leases: renewed each 100 ms, the claim holds throughout
        await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    holder.renew(key, lease);
                    return other.claim(key, SECOND, lease).equals(JdbcSharedQuota.HELD_RECHECK);
                });

        // no more renewals (the holder died): the slot is free one lease after the last
        await().atMost(Duration.ofSeconds(3)).until(() -> other.claim(key, SECOND, lease).isZero());
    }

    @Test
    void aRenewalAfterTheClaimEndedTakesNothingBack() {
        JdbcSharedQuota late = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        JdbcSharedQuota next = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        String key = KEY + "f";
        assertEquals(Duration.ZERO, late.claim(key, Duration.ZERO, Duration.ofMinutes(1)));
        late.release(key, Duration.ZERO);
        assertEquals(Duration.ZERO, next.claim(key, Duration.ZERO, Duration.ofMinutes(1)));

        late.renew(key, Duration.ofMinutes(1));

        assertEquals(JdbcSharedQuota.HELD_RECHECK, late.claim(key, Duration.ZERO, Duration.ofMinutes(1)),
                "the late renewal did not take the slot");
        next.release(key, Duration.ZERO);
        assertEquals(Duration.ZERO, late.claim(key, Duration.ZERO, Duration.ofMinutes(1)),
                "nor kept it from its holder's release");
    }

    @Test
    void keysAreIndependent() {
        JdbcSharedQuota quota = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);
        JdbcSharedQuota other = new JdbcSharedQuota(dataSource, JdbcJobLedger.DEFAULT_TABLE_PREFIX);

        assertEquals(Duration.ZERO, quota.claim(KEY + "c", SECOND, Duration.ofMinutes(1)));
        assertEquals(Duration.ZERO, other.claim(KEY + "d", SECOND, Duration.ofMinutes(1)));
    }

    @Test
    void aRestartedProcessWaitsForItsPredecessorsInterval(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Path file = dir.resolve("quota");
        FileSharedQuota predecessor = new FileSharedQuota(file, Clock.fixed(t0, ZoneOffset.UTC));
        assertEquals(Duration.ZERO, predecessor.claim(KEY, SECOND, SECOND));
        predecessor.release(KEY, SECOND);

        Duration wait = new FileSharedQuota(file, Clock.fixed(t0.plusMillis(300), ZoneOffset.UTC))
                .claim(KEY, SECOND, SECOND);

        assertEquals(Duration.ofMillis(700), wait);
        assertEquals(Duration.ZERO, new FileSharedQuota(file, Clock.fixed(t0.plusSeconds(1), ZoneOffset.UTC))
                .claim(KEY, SECOND, SECOND));
    }

    @Test
    void aPredecessorKilledBeforeItsReplyStillHoldsBackItsSuccessor(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Path file = dir.resolve("quota");
        assertEquals(Duration.ZERO, new FileSharedQuota(file, Clock.fixed(t0, ZoneOffset.UTC))
                .claim(KEY, SECOND, SECOND));
        // no release: the process died with its request in flight, which reached the server at some time before its
        // successor opened the ledger (a cold JVM's first request may take most of a second to get there)

        SettableClock clock = new SettableClock(t0.plusMillis(100));
        FileSharedQuota successor = new FileSharedQuota(file, clock);

        assertEquals(SECOND, successor.claim(KEY, SECOND, SECOND), "one interval from the restart");
        clock.set(t0.plusMillis(1100));
        assertEquals(Duration.ZERO, successor.claim(KEY, SECOND, SECOND));
        successor.release(KEY, SECOND);

        // released: a third process started at once waits one interval from that reply only
        Duration wait = new FileSharedQuota(file, Clock.fixed(t0.plusMillis(1400), ZoneOffset.UTC))
                .claim(KEY, SECOND, SECOND);
        assertEquals(Duration.ofMillis(700), wait);
    }
}
