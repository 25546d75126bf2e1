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

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Camel context whose nclue component points at the {@link ApiServer}, retrying fast so tests stay quick.
 */
public abstract class NclueTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    /** The default ledger (a FileJobLedger) writes here: the tests run on what users get. */
    @TempDir
    Path ledgerDirectory;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        NclueComponent component = new NclueComponent();
        NclueConfiguration configuration = component.getConfiguration();
        configuration.setAccessKey(ApiServer.ACCESS_KEY);
        configuration.setSecretKey(ApiServer.SECRET_KEY);
        configuration.setNclueEndpoint(API.url());
        configuration.setDataForestEndpoint(API.url());
        configuration.setRequestsPerSecond(1000);
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(100);
        component.setLedgerDirectory(ledgerDirectory.toString());
        component.setStatusPollDelay(50);
        context.addComponent("nclue", component);
        return context;
    }
}
