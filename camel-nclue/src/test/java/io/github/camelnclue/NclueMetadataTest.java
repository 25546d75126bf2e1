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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated component JSON documents every option and header and marks the keys secret. */
class NclueMetadataTest {

    static JsonNode componentJson() throws Exception {
        try (InputStream in = NclueMetadataTest.class.getResourceAsStream("/META-INF/io/github/camelnclue/nclue.json")) {
            assertNotNull(in, "nclue.json is generated into the jar");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void keysAreSecret() throws Exception {
        JsonNode json = componentJson();
        for (String key : List.of("accessKey", "secretKey", "objectStorageAccessKey", "objectStorageSecretKey")) {
            assertTrue(json.path("properties").path(key).path("secret").asBoolean(), key + " endpoint secret");
            assertTrue(json.path("componentProperties").path(key).path("secret").asBoolean(),
                    key + " component secret");
        }
        assertEquals(List.of("accessKey", "objectStorageAccessKey", "objectStorageSecretKey", "secretKey"),
                secretNames(json));
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = componentJson();
        List<String> undocumented = new ArrayList<>();
        for (String group : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> option : json.path(group).properties()) {
                if (option.getValue().path("description").asText().isBlank()) {
                    undocumented.add(group + "." + option.getKey());
                }
            }
        }
        assertEquals(List.of(), undocumented);
        assertTrue(json.path("headers").has(NclueConstants.RUN_ID));
        assertTrue(json.path("properties").path("operation").path("enum").size() >= 7);
    }

    @Test
    void generatedConfigurersAreOnTheClasspath() throws Exception {
        Class.forName("io.github.camelnclue.NclueEndpointConfigurer");
        Class.forName("io.github.camelnclue.NclueComponentConfigurer");
        Object factory = Class.forName("io.github.camelnclue.NclueEndpointUriFactory").getConstructor().newInstance();
        assertTrue(((org.apache.camel.spi.EndpointUriFactory) factory).secretPropertyNames().contains("secretKey"));
    }

    private static List<String> secretNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.path("properties").properties().forEach(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                names.add(e.getKey());
            }
        });
        names.sort(String::compareTo);
        return names;
    }
}
