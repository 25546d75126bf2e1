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

/**
 * A durable ledger could not read or write its store (a failed disk write, a lost database connection, a corrupt
 * journal). Nothing the failed call was asked to record may be assumed durable.
 */
public class JobLedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
