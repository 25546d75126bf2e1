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
package io.github.camelnclue.runner;

import java.time.Duration;

import io.github.camelnclue.NclueComponent;
import io.github.camelnclue.NclueConfiguration;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.faults.Fault;
import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.tracking.InMemoryJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 10 item 4 against the emulator's DataForest API: a route with Camel redelivery (defaultErrorHandler, 3
 * redeliveries) whose submit is accepted but whose reply is lost, or arrives only after the request timeout, starts
 * exactly one AI app.
 */
class NclueAiAppSubmitFaultTest {

    private static final String BODY = """
            {"docker": {"image": "registry.example.com/scoring:1.4", "command": "python score.py"},
             "resource": {"cpuCount": 4, "gpuCount": 1, "gpuModel": "T4", "memoryMb": 16384}}""";

    private NclueEmulator emulator;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        context = new DefaultCamelContext();
        NclueComponent component = new NclueComponent();
        NclueConfiguration configuration = component.getConfiguration();
        configuration.setAccessKey(emulator.accessKey());
        configuration.setSecretKey(emulator.secretKey());
        configuration.setNclueEndpoint(emulator.nclueEndpoint());
        configuration.setDataForestEndpoint(emulator.dataForestEndpoint());
        configuration.setRetryInitialDelay(100);
        configuration.setRetryMaxDelay(200);
        component.setLedger(new InMemoryJobLedger());
        context.addComponent("nclue", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(50));
                from("direct:submit")
                        .to("nclue:aiApps?operation=submit&aiWorkspaceId=" + emulator.aiWorkspaceId()
                            + "&namePrefix=score&accountId=" + emulator.dataForestAccountId()
                            + "&requestTimeout=800&maxRetries=0");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.close();
    }

    @Test
    void resetAfterAcceptAndRedeliveryStartOneApp() {
        emulator.faults().add(Fault.resetAfterAccept().onPath("POST", "/api/v2/aiapps/submit").times(3));
        // the first look fails too: the exchange fails and is redelivered
        emulator.faults().add(Fault.status(503).onPath("POST", "/api/v2/aiapps/getList"));

        Exchange exchange = context.createProducerTemplate().request("direct:submit",
                e -> e.getMessage().setBody(BODY));

        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertInstanceOf(AiApp.class, exchange.getMessage().getBody());
        assertEquals(1, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        assertEquals(1, emulator.stats().created(JobKind.AI_APP), "exactly one AI app");
        assertEquals(2, emulator.stats().faultsInjected());
    }

    @Test
    void aReplySlowerThanTheTimeoutStartsOneApp() {
        emulator.faults().add(Fault.delay(Duration.ofMillis(1000)).onPath("POST", "/api/v2/aiapps/submit"));

        Exchange exchange = context.createProducerTemplate().request("direct:submit",
                e -> e.getMessage().setBody(BODY));

        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        assertEquals(1, emulator.stats().created(JobKind.AI_APP), "exactly one AI app");
    }
}
