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

import java.io.Closeable;
import java.io.IOException;

import org.apache.camel.Exchange;
import software.amazon.awssdk.core.ResponseInputStream;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a getResult body when its exchange completes, whatever the outcome (as camel-aws2-s3's autocloseBody does):
 * an unread or half-read result aborts its HTTP connection instead of leaking it.
 */
final class ResultCloser extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultCloser.class);

    private final Closeable body;

    ResultCloser(Closeable body) {
        this.body = body;
    }

    @Override
    public void onDone(Exchange exchange) {
        try {
            if (body instanceof ResponseInputStream<?> response) {
                // do not read the rest of a large object just to reuse the connection (ResultRows does the same)
                response.abort();
            }
            body.close();
        } catch (IOException e) {
            // the exchange is over; a failed close only means the connection is dropped instead of reused
            LOG.debug("Closing the result of exchange {} failed", exchange.getExchangeId(), e);
        }
    }
}
