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
package io.github.camelnclue.examples.javadsl;

import java.util.Map;
import java.util.Properties;

import io.github.camelnclue.NclueComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * An existing Java application with its own CamelContext: add the nclue component, its routes, and go.
 * <p>
 * Run with {@code NCP_ACCESS_KEY}, {@code NCP_SECRET_KEY} and {@code NCLUE_BUCKET} set:
 * {@code mvn -pl examples/java-dsl exec:java}.
 */
public final class JavaDslExample {

    private JavaDslExample() {
    }

    /** The component configured once for every nclue endpoint of the context. */
    public static NclueComponent nclue(String accessKey, String secretKey) {
        NclueComponent nclue = new NclueComponent();
        nclue.getConfiguration().setAccessKey(accessKey);
        nclue.getConfiguration().setSecretKey(secretKey);
        return nclue;
    }

    /** Adds the component and the routes to an existing context. */
    public static void addTo(CamelContext context, NclueComponent nclue, Properties properties) throws Exception {
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addComponent("nclue", nclue);
        context.addRoutes(new NclueRoutes());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Properties properties = new Properties();
        properties.setProperty("nclue.bucket", env.getOrDefault("NCLUE_BUCKET", "my-bucket"));
        properties.setProperty("nclue.train-feature-id", env.getOrDefault("NCLUE_TRAIN_FEATURE_ID", "my-feature"));
        try (CamelContext context = new DefaultCamelContext()) {
            addTo(context, nclue(env.get("NCP_ACCESS_KEY"), env.get("NCP_SECRET_KEY")), properties);
            context.start();
            Integer count = context.createProducerTemplate().requestBody("direct:count-tasks", (Object) null, Integer.class);
            System.out.println("The account has " + count + " NCLUE task models");
        }
    }
}
