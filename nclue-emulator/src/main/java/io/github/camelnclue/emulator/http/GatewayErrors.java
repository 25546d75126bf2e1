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

/**
 * Errors produced by the NCP API Gateway in front of every service (docs/ncp-api.md §1.5), in the observed
 * {@code {"error":{"errorCode":"200","message":"Authentication Failed","details":"..."}}} shape.
 */
final class GatewayErrors {

    record Body(Error error) {
    }

    record Error(String errorCode, String message, String details) {
    }

    static final String MISSING_AUTH = "Authentication information are missing.";
    static final String INVALID_AUTH = "Invalid authentication information.";

    private GatewayErrors() {
    }

    static ApiException unauthorized(String details) {
        return error(401, "200", "Authentication Failed", details);
    }

    static ApiException quotaExceeded(String details) {
        return error(429, "400", "Quota Exceeded", details);
    }

    static ApiException notFound(String details) {
        return error(404, "300", "Not Found Exception", details);
    }

    static ApiException error(int status, String errorCode, String message, String details) {
        return new ApiException(status, new Body(new Error(errorCode, message, details)));
    }
}
