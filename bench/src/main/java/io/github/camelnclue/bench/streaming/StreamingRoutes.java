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

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * One route per variant: {@code getResult} then a streaming split over the returned iterator, counting rows. Stream
 * caching is left as camel-main sets it (on).
 */
public final class StreamingRoutes extends RouteBuilder {

    /** A measured variant: its direct endpoint, URI options and counter. */
    public record Variant(String name, String options, Counter counter, boolean split) {

        public String endpoint() {
            return "direct:" + name;
        }
    }

    private final Map<String, Variant> variants = new LinkedHashMap<>();

    public StreamingRoutes() {
        add(new Variant("rows-batch-1", "resultFormat=rows&resultBatchSize=1", new RowCounter(false, true), true));
        add(new Variant("rows-batch-1000", "resultFormat=rows&resultBatchSize=1000", new RowCounter(true, true), true));
        add(new Variant("lines-batch-1000", "resultFormat=lines&resultBatchSize=1000", new RowCounter(true, false),
                true));
        // not a row variant: the floor of the S3 transfer through the SDK in this JVM (stream caching off on its route)
        add(new Variant("stream-bytes-only", "resultFormat=stream", new NewlineCounter(), false));
    }

    private void add(Variant variant) {
        variants.put(variant.name(), variant);
    }

    public Map<String, Variant> variants() {
        return variants;
    }

    @Override
    public void configure() {
        for (Variant variant : variants.values()) {
            if (variant.split()) {
                from(variant.endpoint()).routeId(variant.name())
                        .to("nclue:taskRuns?operation=getResult&" + variant.options())
                        .split(body()).streaming()
                            .process(variant.counter())
                        .end();
            } else {
                // a raw InputStream body WOULD be cached whole under stream caching (OOM at -Xmx64m, like G2), so
                // this floor measurement alone turns it off for its route
                from(variant.endpoint()).routeId(variant.name()).streamCache("false")
                        .to("nclue:taskRuns?operation=getResult&" + variant.options())
                        .process(variant.counter());
            }
        }
    }
}
