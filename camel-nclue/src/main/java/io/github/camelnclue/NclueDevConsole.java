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

import java.util.List;
import java.util.Map;

import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code nclue} dev console (camel-main's {@code /q/dev/nclue}, Camel JBang): per nclue component, the jobs its
 * ledger tracks by kind and status, the exchanges parked until a job ends, the NCLUE request quota and the pollers'
 * last sweep errors.
 */
@DevConsole(name = "nclue", displayName = "NCLUE", description = "NAVER Cloud NCLUE jobs, waits and request quota")
public class NclueDevConsole extends AbstractDevConsole {

    public NclueDevConsole() {
        super("camel", "nclue", "NCLUE", "NAVER Cloud NCLUE jobs, waits and request quota");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (NclueConsoleData data : NclueConsoleData.read(getCamelContext())) {
            text.append(String.format("Component: %s%n", data.component()));
            text.append(String.format("    Ledger: %s (%s), %d jobs%n", data.ledgerKind(),
                    data.ledgerStarted() ? "started" : "not started yet", data.ledgerSize()));
            data.jobs().forEach((kind, statuses) -> text.append(String.format("    Jobs %s: %s%n", kind, statuses)));
            text.append(String.format("    Parked waits: %d%n", data.parkedWaits()));
            NclueConsoleData.Quota quota = data.quota();
            text.append(String.format("    Quota: %d requests in the last minute, %d queued, %d in flight, "
                                      + "%d throttled since start%n",
                    quota.requestsLastMinute(), quota.queued(), quota.inFlight(), quota.throttled()));
            if (data.sweepErrors().isEmpty()) {
                text.append(String.format("    Last sweep error: none%n"));
            }
            for (NclueConsoleData.SweepError error : data.sweepErrors()) {
                text.append(String.format("    Last sweep error (%s at %s): %s%n", error.kind(), error.api(),
                        error.message()));
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        for (NclueConsoleData data : NclueConsoleData.read(getCamelContext())) {
            components.add(json(data));
        }
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private static JsonObject json(NclueConsoleData data) {
        JsonObject ledger = new JsonObject();
        ledger.put("kind", data.ledgerKind());
        ledger.put("started", data.ledgerStarted());
        ledger.put("size", data.ledgerSize());
        JsonObject jobs = new JsonObject();
        data.jobs().forEach((kind, statuses) -> jobs.put(kind, new JsonObject(statuses)));
        JsonObject quota = new JsonObject();
        quota.put("requestsLastMinute", data.quota().requestsLastMinute());
        quota.put("queued", data.quota().queued());
        quota.put("inFlight", data.quota().inFlight());
        quota.put("throttled", data.quota().throttled());
        JsonObject component = new JsonObject();
        component.put("name", data.component());
        component.put("ledger", ledger);
        component.put("jobs", jobs);
        component.put("parkedWaits", data.parkedWaits());
        component.put("quota", quota);
        component.put("sweepErrors", sweepErrors(data.sweepErrors()));
        return component;
    }

    private static JsonArray sweepErrors(List<NclueConsoleData.SweepError> errors) {
        JsonArray array = new JsonArray();
        for (NclueConsoleData.SweepError error : errors) {
            JsonObject json = new JsonObject();
            json.put("kind", error.kind());
            json.put("api", error.api());
            json.put("message", error.message());
            array.add(json);
        }
        return array;
    }
}
