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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options and headers tables of {@code src/main/docs/nclue-component.adoc} are generated from the component's
 * metadata ({@code nclue.json}, itself generated from the annotations). Run with {@code -Dnclue.updateDocs=true} to
 * regenerate them; otherwise this test fails when the committed page differs from what the metadata gives: an option
 * or header was added, changed or removed without regenerating the documentation.
 */
class NclueComponentDocTest {

    static final Path ADOC = Path.of("src/main/docs/nclue-component.adoc");
    static final String UPDATE_PROPERTY = "nclue.updateDocs";
    static final String FIX_COMMAND
            = "mvn -pl camel-nclue test -Dtest=NclueComponentDocTest -D" + UPDATE_PROPERTY + "=true";
    private static final String JSON = "META-INF/io/github/camelnclue/nclue.json";

    @Test
    void optionsAndHeadersTablesMatchTheMetadata() throws IOException {
        JsonNode metadata = metadata();
        String committed = Files.readString(ADOC, StandardCharsets.UTF_8);
        String generated = committed;
        generated = replaceSection(generated, "component options",
                optionsTable(metadata.get("componentProperties"), "component"));
        generated = replaceSection(generated, "endpoint options",
                optionsTable(metadata.get("properties"), "endpoint"));
        generated = replaceSection(generated, "component headers", headersTable(metadata.get("headers")));

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(ADOC, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, committed, ADOC + " is out of date with " + JSON
                                           + " (an option or header changed without its documentation). Regenerate "
                                           + "its tables with:\n    " + FIX_COMMAND + "\nand commit the result.");
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws IOException {
        JsonNode metadata = metadata();
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            metadata.get(section).fields().forEachRemaining(option -> {
                if (option.getValue().path("description").asText("").isBlank()) {
                    undocumented.add(section + "." + option.getKey());
                }
            });
        }
        assertTrue(undocumented.isEmpty(), "options without a description: " + undocumented);
    }

    static JsonNode metadata() throws IOException {
        try (InputStream in = NclueComponentDocTest.class.getClassLoader().getResourceAsStream(JSON)) {
            assertNotNull(in, JSON + " is not on the classpath: build the module first");
            return new ObjectMapper().readTree(in);
        }
    }

    /** Replaces what is between {@code // <name>: START} and {@code // <name>: END}, keeping the markers. */
    static String replaceSection(String adoc, String name, String content) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = adoc.indexOf(start);
        int to = adoc.indexOf(end);
        assertTrue(from >= 0 && to > from, ADOC + " lacks the markers '" + start.trim() + "' ... '" + end + "'");
        return adoc.substring(0, from + start.length()) + content + adoc.substring(to);
    }

    static String optionsTable(JsonNode options, String scope) {
        StringBuilder table = new StringBuilder();
        table.append("The ").append(scope).append(" supports ").append(options.size())
                .append(" options, which are listed below.\n\n");
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String label = o.path("kind").asText().equals("path") ? "common (path)" : o.path("group").asText();
            StringBuilder description = new StringBuilder(o.path("description").asText());
            if (o.has("enum")) {
                description.append(" Enum values: ");
                List<String> values = new ArrayList<>();
                o.get("enum").forEach(v -> values.add(v.asText()));
                description.append(String.join(", ", values)).append('.');
            }
            if (o.path("required").asBoolean()) {
                description.append(" Required.");
            }
            if (o.path("secret").asBoolean()) {
                description.append(" Secret: masked in logs.");
            }
            table.append("| *").append(option.getKey()).append("* (").append(label).append(") | ")
                    .append(escape(description.toString())).append(" | ")
                    .append(o.has("defaultValue") ? escape(o.get("defaultValue").asText()) : "").append(" | ")
                    .append(simpleType(o.path("javaType").asText())).append('\n');
        }
        return table.append("|===\n").toString();
    }

    static String headersTable(JsonNode headers) {
        StringBuilder table = new StringBuilder();
        table.append("The component supports ").append(headers.size()).append(" message headers, which are listed below.\n\n");
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            String constant = h.path("constantName").asText();
            table.append("| *").append(header.getKey()).append("* (").append(h.path("group").asText()).append(") +\n")
                    .append("Constant: `").append(constant.substring(constant.indexOf('#') + 1)).append("` | ")
                    .append(escape(h.path("description").asText())).append(" | ")
                    .append(h.has("defaultValue") ? escape(h.get("defaultValue").asText()) : "").append(" | ")
                    .append(simpleType(h.path("javaType").asText())).append('\n');
        }
        return table.append("|===\n").toString();
    }

    /** The type as Camel's pages show it: the simple class name, generics kept. */
    static String simpleType(String javaType) {
        return escape(javaType.replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1"));
    }

    /** Keeps table cells intact and attribute-like braces literal. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("{", "\\{").replace("\n", " ");
    }
}
