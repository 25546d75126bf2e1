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
package io.github.camelnclue;

import io.github.camelnclue.exception.NclueApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each documented error body shape becomes an NclueApiException with status, code, message and trace id. */
class NclueErrorsTest extends NclueTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            nclue:tasks?operation=create&name=t&trainFeatureId=f&trainBucket=b&trainFilePath=p | POST | /api/v1/tasks | 409 | {"code":10102,"message":"DUPLICATE_NAME","details":"name t exists"} | 10102 | DUPLICATE_NAME
            nclue:tasks?operation=get&taskId=abc | GET | /api/v1/tasks/abc | 401 | {"error":{"errorCode":"200","message":"Authentication Failed","details":"Invalid authentication information."}} | 200 | Authentication Failed
            nclue:tasks?operation=get&taskId=abc | GET | /api/v1/tasks/abc | 403 | {"error":{"errorCode":230,"message":"Forbidden"}} | 230 | Forbidden
            nclue:taskRuns?operation=create&name=r&taskId=t&featureId=f&resultBucket=b&resultFilePath=p | POST | /api/v1/task-runs | 422 | {"errorCode":"10103","message":"INVALID_PATH_CHARACTER"} | 10103 | INVALID_PATH_CHARACTER
            nclue:aiApps?operation=kill&aiAppId=abc | POST | /api/v2/aiapps/kill | 404 | {"success":false,"message":"no such element"} | | no such element
            nclue:aiApps?operation=get&aiAppId=abc | POST | /api/v2/aiapps/getDetail | 200 | {"success":false,"message":"not allowed to access"} | | not allowed to access
            nclue:tasks?operation=get&taskId=abc | GET | /api/v1/tasks/abc | 400 | <html>bad gateway</html> | |
            """)
    void mapsErrorBodies(String uri, String method, String path, int status, String body, String code,
                         String message) {
        API.on(method, path, status, body);

        Exchange exchange = template.request(uri, e -> {
        });

        NclueApiException error = assertInstanceOf(NclueApiException.class, exchange.getException());
        assertEquals(status, error.getHttpResponseCode());
        assertEquals(code, error.getApiCode());
        assertEquals(message, error.getApiMessage());
        assertEquals("trace-1", error.getTraceId());
        assertTrue(error.getMessage().contains("HTTP " + status), error.getMessage());
        assertEquals(1, API.requests().size(), "4xx replies are not retried");
    }
}
