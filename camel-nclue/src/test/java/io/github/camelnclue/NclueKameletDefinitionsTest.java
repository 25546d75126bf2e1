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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets in the jar are valid Kamelets: the resource shape the Kamelet CRD and catalog expect
 * ({@code schema/kamelet.schema.json}), a {@code definition} that is itself a valid JSON schema, the checks Camel's
 * Kamelet catalog makes (every {@code {{property}}} of the template is defined, required ones are used as such,
 * secrets are marked as credentials, the type label matches the template), and Camel's own Kamelet loader turns each
 * into a route template with the same parameters.
 */
class NclueKameletDefinitionsTest {

    private static final List<String> SHIPPED = List.of("nclue-result-source", "nclue-run-task-action",
            "nclue-task-run-source", "nclue-train-task-action");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^}]+)}}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(Key|Secret|Password|Token)$");
    private static final String CREDENTIALS = "urn:camel:group:credentials";

    static Stream<String> kamelets() {
        return SHIPPED.stream();
    }

    @Test
    void theJarShipsTheseKamelets() throws IOException, URISyntaxException {
        Path directory = Path.of(NclueKameletDefinitionsTest.class.getClassLoader().getResource("kamelets").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(new TreeSet<>(SHIPPED), new TreeSet<>(files.map(f -> f.getFileName().toString())
                    .map(name -> name.replace(".kamelet.yaml", "")).toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void hasTheShapeOfAKameletResource(String name) throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/kamelet.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(kamelet(name));
        assertTrue(errors.isEmpty(), name + ": " + errors);
        assertEquals(name, kamelet(name).at("/metadata/name").asText(), "named as its file");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void itsDefinitionIsAJsonSchema(String name) throws IOException {
        JsonSchema draft7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        JsonNode definition = kamelet(name).at("/spec/definition");
        Set<ValidationMessage> errors = draft7.validate(definition);
        assertTrue(errors.isEmpty(), name + ": " + errors);
        // as tooling uses it: properties with the required ones pass, without them they do not
        JsonSchema own = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(definition);
        Map<String, String> requiredOnly = new HashMap<>();
        definition.path("required").forEach(property -> requiredOnly.put(property.asText(), "x"));
        assertTrue(own.validate(YAML.valueToTree(requiredOnly)).isEmpty(), name);
        assertFalse(own.validate(YAML.valueToTree(Map.of())).isEmpty(),
                name + ": accessKey and secretKey are required");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void everyPlaceholderIsADefinedPropertyAndEveryPropertyIsUsed(String name) throws IOException {
        JsonNode kamelet = kamelet(name);
        JsonNode properties = kamelet.at("/spec/definition/properties");
        Set<String> required = new HashSet<>();
        kamelet.at("/spec/definition/required").forEach(property -> required.add(property.asText()));
        Map<String, Boolean> used = placeholders(YAML.writeValueAsString(kamelet.at("/spec/template")));

        assertEquals(names(properties), used.keySet(), name + ": the template's placeholders and the properties");
        for (String property : required) {
            assertTrue(properties.has(property), name + ": required " + property + " is defined");
            assertFalse(used.get(property), name + ": required " + property + " is not used as {{?" + property + "}}");
            assertFalse(properties.path(property).has("default"), name + ": required " + property + " has no default");
        }
        used.forEach((property, optional) -> {
            boolean hasDefault = properties.path(property).has("default");
            if (!required.contains(property)) {
                assertTrue(optional || hasDefault, name + ": " + property
                                                   + " is neither required nor defaulted, so it must be {{?" + property
                                                   + "}}");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void secretsAreMarkedAsCredentials(String name) throws IOException {
        JsonNode properties = kamelet(name).at("/spec/definition/properties");
        List<String> secrets = new ArrayList<>();
        properties.fields().forEachRemaining(property -> {
            if (SECRET_NAME.matcher(property.getKey()).matches()) {
                secrets.add(property.getKey());
                assertEquals("password", property.getValue().path("format").asText(), name + ": " + property.getKey());
                assertTrue(property.getValue().path("x-descriptors").toString().contains(CREDENTIALS),
                        name + ": " + property.getKey() + " is in the credentials group");
            } else {
                assertFalse(property.getValue().path("x-descriptors").toString().contains(CREDENTIALS),
                        name + ": " + property.getKey() + " is not a credential");
            }
        });
        assertTrue(secrets.containsAll(List.of("accessKey", "secretKey")), name + ": " + secrets);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theTypeLabelMatchesTheTemplate(String name) throws IOException {
        JsonNode kamelet = kamelet(name);
        String type = kamelet.at("/metadata/labels/camel.apache.org~1kamelet.type").asText();
        String from = kamelet.at("/spec/template/from/uri").asText();
        String steps = kamelet.at("/spec/template/from/steps").toString();
        assertTrue(name.endsWith("-" + type), name + " is a " + type);
        switch (type) {
            case "action" -> assertEquals("kamelet:source", from, name);
            case "source" -> {
                assertTrue(from.startsWith("nclue:"), name + " reads from nclue: " + from);
                assertTrue(steps.contains("\"kamelet:sink\""), name + " ends in kamelet:sink");
            }
            default -> throw new AssertionError(name + ": no " + type + " Kamelets here");
        }
        assertTrue(kamelet.at("/spec/dependencies").toString().contains("mvn:io.github.camelnclue:camel-nclue:"),
                name + " depends on the component");
        assertFalse(kamelet.at("/spec/dependencies").toString().contains("@"), name + ": version filtered in");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void camelsKameletLoaderMakesARouteTemplateWithTheDefinedParameters(String name) throws Exception {
        JsonNode definition = kamelet(name).at("/spec/definition");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            String location = "classpath:kamelets/" + name + ".kamelet.yaml";
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, location));

            RouteTemplateDefinition template = context.getCamelContextExtension()
                    .getContextPlugin(ModelCamelContext.class).getRouteTemplateDefinition(name);
            assertNotNull(template, name + " loaded as a route template");
            Map<String, RouteTemplateParameterDefinition> parameters = new HashMap<>();
            template.getTemplateParameters().forEach(parameter -> parameters.put(parameter.getName(), parameter));
            assertEquals(names(definition.path("properties")), parameters.keySet(), name);
            Set<String> required = new HashSet<>();
            definition.path("required").forEach(property -> required.add(property.asText()));
            parameters.forEach((parameterName, parameter) -> {
                assertEquals(required.contains(parameterName), parameter.isRequired(), name + ": " + parameterName);
                JsonNode defaultValue = definition.path("properties").path(parameterName).path("default");
                assertEquals(defaultValue.isMissingNode() ? null : defaultValue.asText(), parameter.getDefaultValue(),
                        name + ": default of " + parameterName);
            });
        }
    }

    private static JsonNode kamelet(String name) throws IOException {
        try (InputStream in = NclueKameletDefinitionsTest.class.getClassLoader()
                .getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertNotNull(in, name + " is in the jar's kamelets/");
            return YAML.readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** Each {{property}} of the text, and whether it is used as an optional {{?property}}. */
    private static Map<String, Boolean> placeholders(String text) {
        Map<String, Boolean> used = new TreeMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            used.merge(matcher.group(2), matcher.group(1) != null, (a, b) -> a && b);
        }
        return used;
    }
}
