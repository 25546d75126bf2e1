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
package io.github.camelnclue.exception;

import org.apache.camel.spi.HttpResponseAware;

/**
 * NCLUE, DataForest or the API Gateway answered with an error: HTTP status, the API's code (NCLUE {@code 10102},
 * gateway {@code 200}, ...), its message, and the gateway trace id to quote to NAVER Cloud support. Implements
 * {@link HttpResponseAware} so Camel's consumer health check shows the HTTP status.
 */
public class NclueApiException extends RuntimeException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int httpStatus;
    private String httpStatusText;
    private final String apiCode;
    private final String apiMessage;
    private final String traceId;

    public NclueApiException(String operation, int httpStatus, String apiCode, String apiMessage, String details,
                             String traceId) {
        super(operation + " failed: HTTP " + httpStatus
              + (apiCode != null ? " code " + apiCode : "")
              + (apiMessage != null ? " " + apiMessage : "")
              + (details != null ? " (" + details + ")" : "")
              + (traceId != null ? " [trace id " + traceId + "]" : ""));
        this.httpStatus = httpStatus;
        this.apiCode = apiCode;
        this.apiMessage = apiMessage;
        this.traceId = traceId;
    }

    /** The API's own code, e.g. {@code 10102} (DUPLICATE_NAME) or the gateway's {@code 400} (quota); may be null. */
    public String getApiCode() {
        return apiCode;
    }

    /** The API's message, e.g. {@code DUPLICATE_NAME}; may be null. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** The {@code x-ncp-trace-id} of the reply; may be null. */
    public String getTraceId() {
        return traceId;
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpStatusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusText = status;
    }

    /** True for 409 DUPLICATE_NAME (code 10102): a job of that name exists. */
    public boolean isDuplicateName() {
        return httpStatus == 409 && ("10102".equals(apiCode) || "DUPLICATE_NAME".equals(apiMessage));
    }
}
