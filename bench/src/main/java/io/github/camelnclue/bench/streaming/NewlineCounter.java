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
package io.github.camelnclue.bench.streaming;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * The transfer floor inside the JVM: reads the {@code resultFormat=stream} body (the S3 object as the AWS SDK returns
 * it) and counts newline bytes, like {@code wc -l}; no strings, no split.
 */
public final class NewlineCounter implements Counter {

    private long rows;

    @Override
    public void process(Exchange exchange) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        } catch (InvalidPayloadException e) {
            throw new IOException(e);
        }
        rows = count;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long malformed() {
        return 0;
    }

    @Override
    public void reset() {
        rows = 0;
    }
}
