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

import java.nio.file.Path;

import io.github.camelnclue.tracking.FileJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger starts with the component: a ledger that cannot start fails the start, not the first exchange. */
class NclueLedgerStartTest {

    @TempDir
    Path directory;

    @Test
    void aLedgerThatCannotStartFailsTheContextStartWithAClearMessage() throws Exception {
        FileJobLedger holder = new FileJobLedger(directory);
        holder.start();
        try (CamelContext context = new DefaultCamelContext()) {
            NclueComponent component = new NclueComponent();
            component.getConfiguration().setAccessKey(ApiServer.ACCESS_KEY);
            component.getConfiguration().setSecretKey(ApiServer.SECRET_KEY);
            component.setLedgerDirectory(directory.toString());
            context.addComponent("nclue", component);

            Exception failure = assertThrows(Exception.class, context::start);

            String messages = messages(failure);
            assertTrue(messages.contains("could not start") && messages.contains(directory.toString()), messages);
        } finally {
            holder.close();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
