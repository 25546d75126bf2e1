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
package io.github.camelnclue.bench.status;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.tracking.AccountScope;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext whose {@code nclue} component points at the emulator, with the component's defaults otherwise
 * (1 request/second, statusPollDelay 1 s, the file ledger).
 */
final class BenchContext {

    private BenchContext() {
    }

    static CamelContext create(NclueEmulator emulator, String ledgerDirectory) {
        CamelContext context = new DefaultCamelContext();
        NclueComponent nclue = context.getComponent("nclue", NclueComponent.class);
        nclue.getConfiguration().setNclueEndpoint(emulator.nclueEndpoint());
        nclue.getConfiguration().setAccessKey(emulator.accessKey());
        nclue.getConfiguration().setSecretKey(emulator.secretKey());
        nclue.setLedgerDirectory(ledgerDirectory);
        return context;
    }

    /** The account scope the component records the emulator's jobs under: API base URL and access key, hashed. */
    static String scope(NclueEmulator emulator) {
        return AccountScope.of(emulator.nclueEndpoint(), emulator.accessKey());
    }
}
