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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads a result body inside the exchange that produced it: the component closes a result stream when its exchange
 * completes, so tests drain it in the route (an iterator into a List, a stream into a String) and assert afterwards.
 */
public final class ResultReading {

    private static final String ENDPOINT = "direct:nclue-read-result";
    private static final String URI_HEADER = "nclueReadResultUri";

    private ResultReading() {
    }

    /** The route {@link #read} sends through; add it to the context once. */
    public static RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ENDPOINT).toD("${header." + URI_HEADER + "}").process(ResultReading::drain);
            }
        };
    }

    /** Sends to {@code uri} through the reading route; the body is the drained result. */
    public static Exchange read(ProducerTemplate template, String uri, Processor setup) {
        return template.request(ENDPOINT, exchange -> {
            setup.process(exchange);
            exchange.getMessage().setHeader(URI_HEADER, uri);
        });
    }

    private static void drain(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Iterator<?> iterator) {
            List<Object> all = new ArrayList<>();
            iterator.forEachRemaining(all::add);
            exchange.getMessage().setBody(all);
        } else if (body instanceof InputStream stream) {
            try (InputStream in = stream) {
                exchange.getMessage().setBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
