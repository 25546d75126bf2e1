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
package io.github.camelnclue.examples.springboot;

import io.github.camelnclue.NclueComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nclue component as a Spring bean named {@code nclue}: Camel uses it for every {@code nclue:} endpoint. (There
 * is no camel-nclue Spring Boot starter, so {@code camel.component.nclue.*} properties are not bound automatically.)
 */
@Configuration(proxyBeanMethods = false)
public class NclueConfig {

    @Bean("nclue")
    public NclueComponent nclue(@Value("${nclue.access-key}") String accessKey,
                                @Value("${nclue.secret-key}") String secretKey,
                                @Value("${nclue.endpoint}") String endpoint,
                                @Value("${nclue.requests-per-second:1}") double requestsPerSecond) {
        NclueComponent nclue = new NclueComponent();
        nclue.getConfiguration().setAccessKey(accessKey);
        nclue.getConfiguration().setSecretKey(secretKey);
        nclue.getConfiguration().setNclueEndpoint(endpoint);
        // NCLUE allows 1 request/second per key; lower it when two applications share a key
        nclue.getConfiguration().setRequestsPerSecond(requestsPerSecond);
        return nclue;
    }
}
