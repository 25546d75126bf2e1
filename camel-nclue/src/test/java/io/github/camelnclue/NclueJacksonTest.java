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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.camelnclue.model.Task;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-jackson comes with the component: YAML routes marshal reply records with {@code marshal: json}, and the
 * ObjectMapper a user binds is the one requests and replies go through (the single one in the registry, as
 * camel-jackson itself picks it).
 */
class NclueJacksonTest {

    private static final String TASK_ID = "f5aebc0c-1111-2222-3333-b201bc64b1c9";
    private static final String TASK_REPLY = "{\"task_id\":\"" + TASK_ID + "\",\"task_name\":\"nightly\","
                                             + "\"status\":\"completed\",\"AUROC\":\"0.8123\",\"line_count\":500,"
                                             + "\"field_added_later\":true}";

    @RegisterExtension
    static final ApiServer API = new ApiServer();

    @Test
    void marshalJsonWritesTheReplyRecordWithTheApiFieldNames() throws Exception {
        API.on("GET", "/api/v1/tasks/" + TASK_ID, 200, TASK_REPLY);
        Main main = main(Map.of());
        main.start();
        try {
            String json = template(main).requestBodyAndHeader("direct:taskAsJson", null, NclueConstants.TASK_ID,
                    TASK_ID, String.class);

            // AUROC as a number (the record's type), nulls left out, the unknown field not kept
            assertEquals(new ObjectMapper().readTree("{\"task_id\":\"" + TASK_ID + "\",\"task_name\":\"nightly\","
                                                     + "\"status\":\"completed\",\"AUROC\":0.8123,\"line_count\":500}"),
                    new ObjectMapper().readTree(json));
            assertNull(main.getCamelContext().getComponent("nclue", NclueComponent.class).getObjectMapper());
        } finally {
            main.stop();
        }
    }

    @Test
    void theSingleObjectMapperInTheRegistryWritesRequestsAndReadsReplies() throws Exception {
        API.on("POST", "/api/v1/tasks", 200, TASK_REPLY);
        RecordingObjectMapper mapper = new RecordingObjectMapper();
        Main main = main(Map.of("userMapper", mapper));
        // camel-jackson looks in the registry only when told to
        main.addInitialProperty("camel.dataformat.jackson.auto-discover-object-mapper", "true");
        main.start();
        try {
            String json = template(main).requestBody("direct:createTaskAsJson",
                    Map.of("name", "nightly", "train_feature_id", "feat-1"), String.class);

            NclueComponent component = main.getCamelContext().getComponent("nclue", NclueComponent.class);
            assertSame(mapper, component.getObjectMapper(), "autowired from the registry");
            String request = API.requests().get(0).body();
            assertTrue(request.contains("\n  \"train_feature_id\" : \"feat-1\""), "written indented: " + request);
            assertTrue(mapper.deserialized.contains(Task.class), "the reply was read with it: " + mapper.deserialized);
            // camel-jackson, told to auto-discover, picked the same mapper for marshal: json
            assertTrue(json.startsWith("{\n  \"task_id\" : \"" + TASK_ID + "\""), json);
        } finally {
            main.stop();
        }
    }

    @Test
    void withSeveralObjectMappersTheComponentKeepsItsOwn() throws Exception {
        API.on("POST", "/api/v1/tasks", 200, TASK_REPLY);
        RecordingObjectMapper first = new RecordingObjectMapper();
        Main main = main(Map.of("first", first, "second", new RecordingObjectMapper()));
        main.start();
        try {
            template(main).requestBody("direct:createTaskAsJson", Map.of("name", "nightly", "train_feature_id", "f"),
                    String.class);

            assertNull(main.getCamelContext().getComponent("nclue", NclueComponent.class).getObjectMapper());
            assertEquals("{\"name\":\"nightly\",\"train_feature_id\":\"f\",\"train_bucket\":\"nclue-demo\","
                         + "\"train_file_path\":\"labels/train.tsv\"}",
                    API.requests().get(0).body());
            assertTrue(first.deserialized.isEmpty(), "not used: " + first.deserialized);
        } finally {
            main.stop();
        }
    }

    private static Main main(Map<String, Object> beans) {
        Main main = new Main();
        beans.forEach(main::bind);
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/nclue-jackson-routes.yaml");
        main.addInitialProperty("camel.component.nclue.access-key", ApiServer.ACCESS_KEY);
        main.addInitialProperty("camel.component.nclue.secret-key", ApiServer.SECRET_KEY);
        main.addInitialProperty("camel.component.nclue.nclue-endpoint", API.url());
        main.addInitialProperty("camel.component.nclue.ledger", "#class:io.github.camelnclue.tracking.InMemoryJobLedger");
        return main;
    }

    private static ProducerTemplate template(Main main) {
        return main.getCamelContext().createProducerTemplate();
    }

    /** A customised mapper that writes indented and notes every bean type it builds a deserializer for. */
    static final class RecordingObjectMapper extends ObjectMapper {

        final Set<Class<?>> deserialized = ConcurrentHashMap.newKeySet();

        RecordingObjectMapper() {
            enable(SerializationFeature.INDENT_OUTPUT);
            SimpleModule recorder = new SimpleModule("recorder");
            recorder.setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(
                        DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                    deserialized.add(description.getBeanClass());
                    return deserializer;
                }
            });
            registerModule(recorder);
        }
    }
}
