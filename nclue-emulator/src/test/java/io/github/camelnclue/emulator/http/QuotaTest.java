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
package io.github.camelnclue.emulator.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelnclue.emulator.ApiClient;
import io.github.camelnclue.emulator.EmulatorStats;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelnclue.emulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default 1 request/second NCLUE quota, over HTTP.
 */
class QuotaTest {

    private static NclueEmulator emu;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        emu = NclueEmulator.builder().build().start();
        api = ApiClient.of(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void secondRequestWithinASecondIsRejectedWithoutEffect() throws InterruptedException {
        assertEquals(200, api.get("/api/v1/features").status());
        ApiClient.Response rejected = api.post("/api/v1/features", json("name", "too-soon", "source_bucket", "b",
                "source_file_path", "x.tsv"));
        assertEquals(429, rejected.status());
        assertEquals("{\"error\":{\"errorCode\":\"400\",\"message\":\"Quota Exceeded\","
                     + "\"details\":\"NCLUE allows 1 request per second per access key\"}}", rejected.body());
        assertEquals(1, emu.stats().quotaExceeded());
        assertEquals(0, emu.stats().created(JobKind.FEATURE));

        // DataForest is not rate limited
        assertEquals(200, api.post("/api/v2/accounts/getList", null).status());

        Thread.sleep(1000);
        ApiClient.Response later = api.get("/api/v1/features");
        assertEquals(200, later.status());
        assertEquals(0, later.json().path("total").asInt());
    }

    @Test
    void theStatsShowHowCloseTogetherTheQuotasRequestsArrived() throws InterruptedException {
        Thread.sleep(1100);
        emu.stats().reset();
        assertEquals(200, api.get("/api/v1/features").status());
        Thread.sleep(1050);
        assertEquals(200, api.get("/api/v1/features").status());
        // DataForest is not counted
        assertEquals(200, api.post("/api/v2/accounts/getList", null).status());
        assertEquals(2, emu.stats().quotaCounted(), "the NCLUE requests, not DataForest's");
        assertEquals(1, emu.stats().busiestSecond(), "one request per second");
        assertTrue(emu.stats().shortestGap().toMillis() >= 1050, "gap " + emu.stats().shortestGap());

        assertEquals(429, api.get("/api/v1/features").status());
        assertEquals(3, emu.stats().quotaCounted());
        assertEquals(1, emu.stats().quotaExceeded());
        assertEquals(2, emu.stats().busiestSecond(), "a refused request arrived all the same");
        assertTrue(emu.stats().shortestGap().toMillis() < 1000, "gap " + emu.stats().shortestGap());
        assertEquals(2, emu.stats().snapshot().busiestSecond());

        emu.stats().reset();
        assertEquals(0, emu.stats().busiestSecond());
        assertEquals(0, emu.stats().quotaCounted());
        assertNull(emu.stats().shortestGap());
        Thread.sleep(1100);
    }

    @Test
    void quotaCanBeSwitchedOffAndOnAtRuntime() throws InterruptedException {
        Thread.sleep(1100);
        emu.setQuotaPerSecond(0);
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, api.get("/api/v1/tasks").status());
            }
        } finally {
            emu.setQuotaPerSecond(1);
        }
        assertEquals(200, api.get("/api/v1/tasks").status());
        assertEquals(429, api.get("/api/v1/tasks").status());
        // leave a full bucket and clean counters for the other test
        Thread.sleep(1100);
        emu.stats().reset();
    }

    @Test
    void profileRequestsShareTheNclueQuota() throws InterruptedException {
        Thread.sleep(1100);
        long rejectedBefore = emu.stats().quotaExceeded();
        assertEquals(200, api.get("/api/v1/profile/shopping-intents").status());
        ApiClient.Response rejected = api.post("/api/v1/profile/custom-attributes", json("name", "too-soon",
                "feature_id", "f", "keyword_set", "a", "result_bucket", "b", "result_file_path", "r/"));
        assertEquals(429, rejected.status());
        assertEquals(429, api.get("/api/v1/profile/shopping-intents-download/some-id").status());
        assertEquals(rejectedBefore + 2, emu.stats().quotaExceeded());
        assertEquals(0, emu.stats().created(JobKind.CUSTOM_ATTRIBUTES));
        Thread.sleep(1100);
        emu.stats().reset();
    }

    @Test
    void theRequestListenerHearsEveryApiRequestWithItsQueryRejectedOrNot() throws InterruptedException {
        Thread.sleep(1100);
        List<EmulatorStats.Request> heard = new CopyOnWriteArrayList<>();
        emu.stats().onRequest(heard::add);
        try {
            assertEquals(200, api.get("/api/v1/tasks?index=0&limit=100").status());
            assertEquals(429, api.get("/api/v1/tasks/some-id").status());
        } finally {
            emu.stats().onRequest(null);
        }
        assertEquals(List.of("GET /api/v1/tasks", "GET /api/v1/tasks/{id}"),
                heard.stream().map(EmulatorStats.Request::route).toList());
        assertEquals("index=0&limit=100", heard.get(0).rawQuery());
        assertEquals(null, heard.get(1).rawQuery());
        Thread.sleep(1100);
        emu.stats().reset();
    }
}
