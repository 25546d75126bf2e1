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
package io.github.camelnclue.emulator.nclue;

import io.github.camelnclue.emulator.http.ApiException;

/**
 * NCLUE service errors. Codes 10101-10105 are documented (docs/ncp-api.md §2.3); the body shape is not, so the emulator
 * uses {@code {"code":<int>,"message":"<SYMBOL>","details":"<text naming the field>"}}. Undocumented cases
 * (bad/missing parameters, unknown ids, wrong status for delete) reuse the HTTP status as the code.
 */
enum NclueError {

    INVALID_PARAMETER(400, 400),
    NAME_TOO_LONG(422, 10101),
    DUPLICATE_NAME(409, 10102),
    INVALID_PATH_CHARACTER(422, 10103),
    INVALID_CHARACTER_IN_TRAIN_PATH(422, 10104),
    INVALID_CHARACTER_IN_TEST_PATH(422, 10105),
    NOT_FOUND(404, 404),
    INVALID_STATUS(409, 409);

    record Body(int code, String message, String details) {
    }

    private final int httpStatus;
    private final int code;

    NclueError(int httpStatus, int code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }

    ApiException exception(String details) {
        return new ApiException(httpStatus, new Body(code, name(), details));
    }
}
