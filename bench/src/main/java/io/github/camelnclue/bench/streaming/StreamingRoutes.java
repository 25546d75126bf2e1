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

    /** Where the peer (camel-aws2-s3) finds the same object. */
    public record Peer(String endpoint, String region, String bucket, String key, String accessKey,
                       String secretKey) {

        String uri() {
            return "aws2-s3://" + bucket + "?operation=getObject&overrideEndpoint=true&uriEndpointOverride=" + endpoint
                   + "&forcePathStyle=true&region=" + region + "&useDefaultCredentialsProvider=false"
                   + "&accessKey=RAW(" + accessKey + ")&secretKey=RAW(" + secretKey + ")";
        }
    }

    /** A measured variant: its direct endpoint, URI options and counter. */
    public record Variant(String name, String options, Counter counter, boolean split) {

        public String endpoint() {
            return "direct:" + name;
        }
    }

    /** The peer with stream caching left on: only run on its own (it runs out of memory at -Xmx64m). */
    public static final String PEER_CACHED = "peer-aws2-s3-stream-cache-on";
    static final String PEER = "peer-aws2-s3-tokenize-1000";

    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private final Peer peer;

    public StreamingRoutes(Peer peer) {
        this.peer = peer;
        add(new Variant("rows-batch-1", "resultFormat=rows&resultBatchSize=1", new RowCounter(false, true), true));
        add(new Variant("rows-batch-1000", "resultFormat=rows&resultBatchSize=1000", new RowCounter(true, true), true));
        add(new Variant("lines-batch-1000", "resultFormat=lines&resultBatchSize=1000", new RowCounter(true, false),
                true));
        // not a row variant: the floor of the S3 transfer through the SDK in this JVM (stream caching off on its route)
        add(new Variant("stream-bytes-only", "resultFormat=stream", new NewlineCounter(), false));
        // what a user would pick instead: camel-aws2-s3 getObject + a streaming tokenize split, stream caching off
        add(new Variant(PEER, null, new TokenizedLinesCounter(), true));
        add(new Variant(PEER_CACHED, null, new TokenizedLinesCounter(), true));
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
            if (variant.name().startsWith("peer-")) {
                // the docs/dependencies.md route: without streamCache off the whole object is cached in heap (G2)
                from(variant.endpoint()).routeId(variant.name()).streamCache(PEER.equals(variant.name()) ? "false" : "true")
                        .setHeader("CamelAwsS3Key", constant(peer.key()))
                        .to(peer.uri())
                        .split().tokenize("\n", 1000).streaming()
                            .process(variant.counter())
                        .end();
            } else if (variant.split()) {
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
