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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every YAML route of the project -- {@code routes/**}, this module's test routes and the examples' -- is valid Camel
 * YAML DSL (the JSON schema shipped in camel-yaml-dsl) and every {@code nclue:} URI in it uses a known resource,
 * known option names and valid enum values (nclue.json). Catches a typo before a route is deployed.
 */
class RoutesValidationTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> ROOTS = List.of(
            PROJECT.resolve("routes"),
            PROJECT.resolve("camel-nclue/src/test/resources/routes"),
            PROJECT.resolve("examples"));
    private static final String SCHEMA = "schema/camelYamlDsl.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern YAML_BLOCK = Pattern.compile("\\[source,yaml\\]\n----\n(.*?)\n----", Pattern.DOTALL);

    private static JsonSchema schema;
    private static JsonNode metadata;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RoutesValidationTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            assertTrue(in != null, SCHEMA + " not found in camel-yaml-dsl");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        metadata = NclueComponentDocTest.metadata();
    }

    @Test
    void everyYamlRouteIsValid() throws IOException {
        List<Path> files = yamlFiles();
        assertFalse(files.isEmpty(), "no YAML routes found under " + ROOTS);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            problems.addAll(validate(PROJECT.relativize(file).toString(), Files.readString(file)));
        }
        assertTrue(problems.isEmpty(), "invalid routes:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyYamlExampleOfTheComponentPageIsValid() throws IOException {
        String adoc = Files.readString(NclueComponentDocTest.ADOC);
        Matcher block = YAML_BLOCK.matcher(adoc);
        List<String> problems = new ArrayList<>();
        int examples = 0;
        while (block.find()) {
            if (block.group(1).startsWith("- ")) {
                examples++;
                int line = adoc.substring(0, block.start(1)).split("\n", -1).length;
                problems.addAll(validate(NclueComponentDocTest.ADOC + ":" + line, block.group(1)));
            }
        }
        assertTrue(examples > 0, "no YAML route examples found in " + NclueComponentDocTest.ADOC);
        assertTrue(problems.isEmpty(), "invalid examples:\n  " + String.join("\n  ", problems));
    }

    @Test
    void catchesAnUnknownNclueOption() throws IOException {
        List<String> problems = validate("bad-option.yaml", """
                - route:
                    from:
                      uri: direct:start
                      steps:
                        - to:
                            uri: nclue:tasks
                            parameters:
                              operation: create
                              trainFeatureID: f1
                        - to: nclue:taskRuns?operation=fetch&runId=r1
                        - to: nclue:jobs?operation=list
                """);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("bad-option.yaml: nclue:tasks")
                                                   && p.contains("unknown option 'trainFeatureID'")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("nclue:taskRuns?operation=fetch&runId=r1")
                                                   && p.contains("option operation='fetch'")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("nclue:jobs") && p.contains("resource 'jobs'")),
                problems::toString);
    }

    @Test
    void catchesASchemaViolation() throws IOException {
        List<String> problems = validate("bad-schema.yaml", """
                - route:
                    from:
                      uri: direct:start
                      stepz:
                        - log: hello
                """);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("bad-schema.yaml: schema:") && p.contains("stepz")),
                problems::toString);
    }

    @Test
    void acceptsPlaceholdersAndSchedulerOptions() throws IOException {
        List<String> problems = validate("good.yaml", """
                - route:
                    from:
                      uri: nclue:taskRuns
                      parameters:
                        statuses: completed
                        delay: 5000
                        scheduler.foo: bar
                      steps:
                        - to: "nclue:taskRuns?operation={{op}}&resultFormat=rows"
                """);

        assertTrue(problems.isEmpty(), problems::toString);
    }

    private static List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(p -> !p.toString().contains("/target/"))
                        .filter(RoutesValidationTest::isRoutesFile)
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** A YAML DSL file is a list of route-like entries; other YAML (e.g. configuration) is skipped. */
    private static boolean isRoutesFile(Path file) {
        if (file.getFileName().toString().startsWith("application")) {
            return false;
        }
        try {
            return YAML.readTree(file.toFile()).isArray();
        } catch (IOException e) {
            return true; // unreadable YAML is reported by validate
        }
    }

    /** Every problem of one YAML routes file, each starting with {@code name: }. */
    static List<String> validate(String name, String yaml) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode routes;
        try {
            routes = YAML.readTree(yaml);
        } catch (IOException e) {
            return List.of(name + ": not YAML: " + e.getMessage());
        }
        for (ValidationMessage message : schema.validate(routes)) {
            problems.add(name + ": schema: " + message.getMessage());
        }
        collectNclueUris(routes, (uri, parameters) -> problems.addAll(
                checkUri(uri, parameters).stream().map(p -> name + ": " + uri + ": " + p).toList()));
        return problems;
    }

    private interface UriVisitor {
        void visit(String uri, Map<String, String> parameters);
    }

    private static void collectNclueUris(JsonNode node, UriVisitor visitor) {
        if (node.isObject()) {
            JsonNode uri = node.get("uri");
            if (uri != null && uri.isTextual() && uri.asText().startsWith("nclue:")) {
                Map<String, String> parameters = new LinkedHashMap<>();
                JsonNode given = node.get("parameters");
                if (given != null) {
                    given.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
                }
                visitor.visit(uri.asText(), parameters);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (!field.getKey().equals("uri") && value.isTextual() && value.asText().startsWith("nclue:")) {
                    visitor.visit(value.asText(), Map.of()); // shorthand: to: nclue:tasks?operation=get
                } else {
                    collectNclueUris(value, visitor);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectNclueUris(child, visitor));
        }
    }

    /** What is wrong with one nclue URI and its YAML parameters, by nclue.json. */
    static List<String> checkUri(String uri, Map<String, String> yamlParameters) {
        List<String> problems = new ArrayList<>();
        String rest = uri.substring("nclue:".length());
        int question = rest.indexOf('?');
        String resource = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> options = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                options.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        options.putAll(yamlParameters);

        JsonNode properties = metadata.get("properties");
        Set<String> resources = enumValues(properties.get("resource"));
        if (!resources.contains(resource) && !isPlaceholder(resource)) {
            problems.add("resource '" + resource + "' is not one of " + resources);
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            JsonNode definition = definition(properties, option.getKey());
            if (definition == null) {
                problems.add("unknown option '" + option.getKey() + "'");
            } else if (definition.has("enum") && !isPlaceholder(option.getValue())
                       && !enumValues(definition).contains(option.getValue())) {
                problems.add("option " + option.getKey() + "='" + option.getValue() + "' is not one of "
                             + enumValues(definition));
            }
        }
        return problems;
    }

    private static JsonNode definition(JsonNode properties, String name) {
        JsonNode exact = properties.get(name);
        if (exact != null && !exact.path("kind").asText().equals("path")) {
            return exact;
        }
        for (Iterator<JsonNode> it = properties.elements(); it.hasNext();) {
            JsonNode property = it.next();
            if (property.has("prefix") && name.startsWith(property.get("prefix").asText())) {
                return property;
            }
        }
        return null;
    }

    private static Set<String> enumValues(JsonNode definition) {
        Set<String> values = new HashSet<>();
        definition.get("enum").forEach(v -> values.add(v.asText()));
        return values.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean isPlaceholder(String value) {
        return value.contains("{{") || value.contains("${") || value.startsWith("#") || value.startsWith("RAW(");
    }
}
