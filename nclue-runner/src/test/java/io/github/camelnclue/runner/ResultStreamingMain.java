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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Run in its own small-heap JVM by {@link NclueResultStreamingTest}: counts the rows of a task run's result through
 * a YAML route under camel-main defaults and prints what the test checks.
 */
public final class ResultStreamingMain {

    private ResultStreamingMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:streaming/count-rows.yaml");
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            Object rows = context.createProducerTemplate()
                    .requestBodyAndHeader("direct:count-rows", null, "CamelNclueRunId", args[0]);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
            System.out.println("STREAM_CACHING=" + context.isStreamCaching());
            System.out.println("MAX_HEAP=" + Runtime.getRuntime().maxMemory());
            System.out.println("PEAK_HEAP_POOLS=" + peak);
            System.out.println("ROWS=" + rows);
        } finally {
            main.stop();
        }
    }
}
