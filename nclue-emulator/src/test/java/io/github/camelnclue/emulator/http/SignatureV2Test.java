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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignatureV2Test {

    /** Public vectors of docs/ncp-api.md §1.4 (T1, T2 and the /api paths with the T1 keys). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POST|/vserver/v2/createServerInstances?regionCode=KR|1700000000000|AK_TEST|SK_TEST|xBcE26XFU55BMjppdPT7ZY3oDrqoOedfPyAn3Cq4lUw=
            GET|/vserver/v2/getServerInstanceList?responseFormatType=json|1234567890123|TestAccessKey|TestSecretKey|FPsYYX8fuMAgi+cue3eACOW0dNtIwu1LYWfg/megA2M=
            GET|/api/v1/tasks?index=0&limit=20|1700000000000|AK_TEST|SK_TEST|jiKgyFPcO9Jeza/MfjdyddzOofF8X6UGYKIAs8hN0Lc=
            GET|/api/v1/tasks/abc|1700000000000|AK_TEST|SK_TEST|aeBCKDkXXSPsJ8qBf+w/zBY16MrJjAy7BIC8On+42vc=
            POST|/api/v1/task-runs|1700000000000|AK_TEST|SK_TEST|TLss9de8vNhmByoYgJogr5EIRYa29pDRoEcm7Z9W6sA=
            POST|/api/v2/aiapps/submit|1700000000000|AK_TEST|SK_TEST|CnBH69Dik9eScJsF15oUqTTSIRGWbZpgdnXAUHdVcOk=
            GET|/tasks?index=0&limit=20|1700000000000|AK_TEST|SK_TEST|cH0m0k9YeoHMLOX8YLytZl9YWs/HB2pY6t5jg55NdqU=
            """)
    void signsPublicVectors(String method, String uri, String ts, String ak, String sk, String expected) {
        assertEquals(expected, SignatureV2.sign(method, uri, ts, ak, sk));
    }

    @Test
    void verifierAcceptsTheVectorAtItsTimeAndRejectsVariants() {
        Clock at = Clock.fixed(Instant.ofEpochMilli(1700000000000L), ZoneOffset.UTC);
        SignatureVerifier verifier = new SignatureVerifier(Map.of("AK_TEST", "SK_TEST"), at, Duration.ofMinutes(5));
        Map<String, String> headers = Map.of(
                "x-ncp-apigw-timestamp", "1700000000000",
                "x-ncp-iam-access-key", "AK_TEST",
                "x-ncp-apigw-signature-v2", "jiKgyFPcO9Jeza/MfjdyddzOofF8X6UGYKIAs8hN0Lc=");
        assertEquals("AK_TEST", verifier.verify("GET", "/api/v1/tasks?index=0&limit=20", headers::get));

        // the gateway signs the full path: signing "/tasks" is the classic mistake
        ApiException wrongPath = assertThrows(ApiException.class,
                () -> verifier.verify("GET", "/api/v1/tasks?index=0&limit=20", Map.of(
                        "x-ncp-apigw-timestamp", "1700000000000",
                        "x-ncp-iam-access-key", "AK_TEST",
                        "x-ncp-apigw-signature-v2", "cH0m0k9YeoHMLOX8YLytZl9YWs/HB2pY6t5jg55NdqU=")::get));
        assertEquals(401, wrongPath.status());
        assertEquals(new GatewayErrors.Body(new GatewayErrors.Error("200", "Authentication Failed",
                GatewayErrors.INVALID_AUTH)), wrongPath.body());

        ApiException missing = assertThrows(ApiException.class,
                () -> verifier.verify("GET", "/api/v1/tasks", Map.of("x-ncp-iam-access-key", "AK_TEST")::get));
        assertEquals(new GatewayErrors.Body(new GatewayErrors.Error("200", "Authentication Failed",
                GatewayErrors.MISSING_AUTH)), missing.body());

        Clock late = Clock.offset(at, Duration.ofMinutes(5).plusMillis(1));
        SignatureVerifier skewed = new SignatureVerifier(Map.of("AK_TEST", "SK_TEST"), late, Duration.ofMinutes(5));
        assertEquals(401, assertThrows(ApiException.class,
                () -> skewed.verify("GET", "/api/v1/tasks?index=0&limit=20", headers::get)).status());

        SignatureVerifier otherKey = new SignatureVerifier(Map.of("OTHER", "SK_TEST"), at, Duration.ofMinutes(5));
        assertEquals(401, assertThrows(ApiException.class,
                () -> otherKey.verify("GET", "/api/v1/tasks?index=0&limit=20", headers::get)).status());
    }
}
