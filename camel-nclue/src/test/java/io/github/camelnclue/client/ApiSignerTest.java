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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ApiSignerTest {

    /** The public vectors of docs/ncp-api.md 1.4: T1 and T2 from third-party repositories, the rest recomputed with Python. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POST | /vserver/v2/createServerInstances?regionCode=KR        | 1700000000000 | AK_TEST       | SK_TEST       | xBcE26XFU55BMjppdPT7ZY3oDrqoOedfPyAn3Cq4lUw=
            GET  | /vserver/v2/getServerInstanceList?responseFormatType=json | 1234567890123 | TestAccessKey | TestSecretKey | FPsYYX8fuMAgi+cue3eACOW0dNtIwu1LYWfg/megA2M=
            GET  | /api/v1/tasks?index=0&limit=20                           | 1700000000000 | AK_TEST       | SK_TEST       | jiKgyFPcO9Jeza/MfjdyddzOofF8X6UGYKIAs8hN0Lc=
            GET  | /api/v1/tasks/abc                                        | 1700000000000 | AK_TEST       | SK_TEST       | aeBCKDkXXSPsJ8qBf+w/zBY16MrJjAy7BIC8On+42vc=
            POST | /api/v1/task-runs                                        | 1700000000000 | AK_TEST       | SK_TEST       | TLss9de8vNhmByoYgJogr5EIRYa29pDRoEcm7Z9W6sA=
            POST | /api/v2/aiapps/submit                                    | 1700000000000 | AK_TEST       | SK_TEST       | CnBH69Dik9eScJsF15oUqTTSIRGWbZpgdnXAUHdVcOk=
            GET  | /tasks?index=0&limit=20                                  | 1700000000000 | AK_TEST       | SK_TEST       | cH0m0k9YeoHMLOX8YLytZl9YWs/HB2pY6t5jg55NdqU=
            """)
    void matchesPublicVectors(String method, String uri, String timestamp, String accessKey, String secretKey,
                              String expected) {
        assertEquals(expected, ApiSigner.sign(method, uri, timestamp, new ApiCredentials(accessKey, secretKey)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            GET | /api/v1/tasks?index=0&limit=20 | /api/v1/tasks?index=1&limit=20
            GET | /api/v1/tasks?index=0&limit=20 | /tasks?index=0&limit=20
            """)
    void coversPathAndQuery(String method, String uri, String otherUri) {
        ApiCredentials credentials = new ApiCredentials("AK_TEST", "SK_TEST");
        String a = ApiSigner.sign(method, uri, "1700000000000", credentials);
        String b = ApiSigner.sign(method, otherUri, "1700000000000", credentials);
        assertNotEquals(a, b);
    }
}
