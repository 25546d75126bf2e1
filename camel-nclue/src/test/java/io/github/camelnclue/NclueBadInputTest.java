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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.tracking.FileJobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Bad input" cases of issue 10, each stopped before anything is recorded or sent, with a message naming the
 * field (header, option), the rule and the value; and the borderline valid inputs that must pass. Runs on the
 * default file ledger, where a create that reached the ledger before validation used to fail inside it.
 */
class NclueBadInputTest extends NclueTestSupport {

    @TempDir
    static Path ledgerDirectory;

    private static final String SUBMIT = """
            {"aiWorkspaceId":"6ZKSGoSJMMwctK257nxgiL","namePrefix":"demo","queueName":"gpu","data":{},
             "docker":{"image":"i:1"},"resource":{"cpuCount":4,"gpuCount":1,"gpuModel":"T4","memoryMb":16384}}""";
    private static final String APP_REPLY = """
            {"success":true,"message":"success","id":"5pXsDKxXWAhTB6zKbwArcT","accountName":"acc","name":"score-ab12",
             "queueName":"gpu","startedAt":"2026-12-01T09:00:00.000Z","state":"ACCEPTED","finalStatus":"UNDEFINED"}""";
    private static final String TASK_REPLY = "{\"task_id\":\"t-1\",\"task_name\":\"t\"}";

    private FileJobLedger ledger;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        NclueComponent component = context.getComponent("nclue", NclueComponent.class);
        Path directory = Files.createTempDirectory(ledgerDirectory, "ledger");
        ledger = new FileJobLedger(directory);
        component.setLedger(ledger);
        ledger.start();
        return context;
    }

    static Stream<Arguments> badBodies() {
        String task = "\"train_feature_id\":\"f1\",\"train_bucket\":\"b\",\"train_file_path\":\"labels/train.tsv\"";
        return Stream.of(
                Arguments.of("nclue:tasks?operation=create", null, "name", "name is required"),
                Arguments.of("nclue:tasks?operation=create", "", "name", "name is required"),
                Arguments.of("nclue:tasks?operation=create", "{}", "name", "name is required"),
                Arguments.of("nclue:tasks?operation=create", "{" + task + "}", "name", "name is required"),
                Arguments.of("nclue:tasks?operation=create", "{\"name\":{\"a\":1}," + task + "}", "name",
                        "name must be a string but was an object {\"a\":1}"),
                Arguments.of("nclue:tasks?operation=create", "{\"name\":\"t\"," + task + ",\"test_file_pth\":\"x\"}",
                        "test_file_pth", "unknown field test_file_pth — did you mean test_file_path?"),
                Arguments.of("nclue:tasks?operation=create", "{\"name\":\"t\",\"trainFeatureId\":\"f\"}",
                        "trainFeatureId", "unknown field trainFeatureId — did you mean train_feature_id?"),
                Arguments.of("nclue:tasks?operation=create", "[1,2]", "body", "body must be a JSON object but was an array"),
                Arguments.of("nclue:tasks?operation=create", "{\"name\":", "body", "body must be a JSON object but is not valid JSON"),
                Arguments.of("nclue:tasks?operation=create", "{\"name\":\"" + "😀".repeat(101) + "\"," + task + "}",
                        "name", "name must be 1 to 100 characters but has 101"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT.replace("\"cpuCount\":4", "\"cpuCount\":\"abc\""),
                        "resource.cpuCount", "resource.cpuCount must be an integer but was a string \"abc\""),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT.replace("\"cpuCount\":4", "\"cpuCount\":1.5"),
                        "resource.cpuCount", "resource.cpuCount must be a whole number but was 1.5"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT.replace("\"cpuCount\":4", "\"cpuCount\":-1"),
                        "resource.cpuCount", "resource.cpuCount must be 0 or more but was -1"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT.replace("\"memoryMb\":16384", "\"memoryMb\":1e12"),
                        "resource.memoryMb",
                        "resource.memoryMb must be an integer from -2147483648 to 2147483647 but was 1.0E12"),
                Arguments.of("nclue:aiApps?operation=submit", SUBMIT.replace("\"data\":{}", "\"data\":{\"input\":\"x\"}"),
                        "data.input", "data.input must be an array but was a string \"x\""),
                Arguments.of("nclue:aiApps?operation=submit",
                        SUBMIT.replace("{\"image\":\"i:1\"}", "{\"image\":\"i:1\",\"env\":\"A=1\"}"),
                        "docker.env", "docker.env must be an object but was a string \"A=1\""),
                Arguments.of("nclue:aiApps?operation=submit",
                        SUBMIT.replace("{\"image\":\"i:1\"}", "{\"image\":\"i:1\",\"exposeTcpPorts\":[8080,70000]}"),
                        "docker.exposeTcpPorts[1]", "docker.exposeTcpPorts[1] must be a TCP port, 0 to 65535, but was 70000"),
                Arguments.of("nclue:aiApps?operation=submit",
                        SUBMIT.replace("\"gpuModel\"", "\"gpu_model\""),
                        "resource.gpu_model", "unknown field resource.gpu_model — did you mean resource.gpuModel?"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodyFailsBeforeTheLedgerAndTheApi(String uri, String body, String field, String message) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertEquals(field, error.getField());
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
        assertFalse(error.getMessage().contains("Jackson") || error.getMessage().contains("JsonToken")
                    || error.getMessage().contains("Cannot deserialize"), error.getMessage());
        assertEquals(0, API.requests().size(), "no request may be sent");
        for (JobKind kind : JobKind.values()) {
            assertTrue(ledger.jobs(scopeOf(uri), kind).isEmpty(), "nothing may be written to the ledger");
        }
    }

    @Test
    void headerTypeErrorNamesTheHeader() {
        Exchange exchange = template.request("nclue:tasks?operation=list",
                e -> e.getMessage().setHeader(NclueConstants.LIMIT, "abc"));

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertEquals("limit must be an integer (from header CamelNclueLimit) but was 'abc'", error.getMessage());
        assertEquals(0, API.requests().size());
    }

    @Test
    void fractionalHeaderIsNotTruncated() {
        Exchange exchange = template.request("nclue:tasks?operation=list",
                e -> e.getMessage().setHeader(NclueConstants.INDEX, 1.5));

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertEquals("index must be an integer (from header CamelNclueIndex) but was 1.5", error.getMessage());
    }

    @Test
    void headerValueErrorNamesTheHeader() {
        Exchange exchange = template.request("nclue:tasks?operation=create", e -> {
            e.getMessage().setBody("{\"name\":\"t\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\","
                                   + "\"train_file_path\":\"labels/train.tsv\"}");
            e.getMessage().setHeader(NclueConstants.TRAIN_FILE_PATH, "labels/a#b.tsv");
        });

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(error.getMessage().startsWith("train_file_path must not contain '#'"), error.getMessage());
        assertTrue(error.getMessage().endsWith("(from header CamelNclueTrainFilePath)"), error.getMessage());
    }

    @Test
    void optionValueErrorNamesTheOption() {
        Exchange exchange = template.request("nclue:tasks?operation=create&trainFilePath=labels/a%20b.tsv",
                e -> e.getMessage().setBody("{\"name\":\"t\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\"}"));

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(error.getMessage().startsWith("train_file_path must not contain a space"), error.getMessage());
        assertTrue(error.getMessage().endsWith("(from option trainFilePath)"), error.getMessage());
    }

    @Test
    void operationHeaderErrorNamesTheHeader() {
        Exchange exchange = template.request("nclue:tasks?operation=list",
                e -> e.getMessage().setHeader(NclueConstants.OPERATION, "fetch"));

        NclueValidationException error = assertInstanceOf(NclueValidationException.class, exchange.getException());
        assertTrue(error.getMessage().contains("(from header CamelNclueOperation) but was 'fetch'"),
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "limit=abc|option limit must be a whole number but was 'abc'",
            "index=1.5|option index must be a whole number but was '1.5'",
            "maxRetries=abc|option maxRetries must be a whole number but was 'abc'",
            "maxMessagesPerPoll=ten|option maxMessagesPerPoll must be a whole number but was 'ten'",
            "resultBatchSize=0|option resultBatchSize must be 1 or more but was 0",
            "limit=0|option limit must be 1 to 100 but was 0",
            "limit=101|option limit must be 1 to 100 but was 101",
            "requestsPerSecond=0|option requestsPerSecond must be more than 0 but was 0.0",
            "requestsPerSecond=-1|option requestsPerSecond must be more than 0 but was -1.0",
            "requestsPerSecond=abc|option requestsPerSecond must be a number but was 'abc'",
            "requestTimeout=0|option requestTimeout must be more than 0 ms but was 0",
            "waitTimeout=abc|option waitTimeout must be a duration",
            "connectTimeout=-5|option connectTimeout must be a duration",
            "maxRetries=-1|option maxRetries must be 0 or more but was -1",
            "retryInitialDelay=5000&retryMaxDelay=1000|option retryMaxDelay must be at least retryInitialDelay" })
    void invalidOptionIsRefusedWhenTheEndpointIsCreated(String optionAndMessage) {
        String[] parts = optionAndMessage.split("\\|");
        Exception error = assertThrows(Exception.class,
                () -> context.getEndpoint("nclue:taskRuns?operation=getResult&" + parts[0]));

        NclueValidationException cause = assertInstanceOf(NclueValidationException.class, rootCause(error));
        assertTrue(cause.getMessage().startsWith(parts[1]), cause.getMessage());
        assertEquals(0, API.requests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "waitTimeout=2h", "waitTimeout=90000", "waitTimeout=1m30s", "waitTimeout=PT10M",
            "requestTimeout=500ms", "limit=100", "index=0", "requestsPerSecond=0.5", "maxRetries=0" })
    void validOptionIsAccepted(String option) {
        NclueEndpoint endpoint = (NclueEndpoint) context.getEndpoint("nclue:tasks?operation=list&" + option);

        NclueConfiguration configuration = endpoint.getConfiguration();
        if (option.startsWith("waitTimeout")) {
            assertTrue(configuration.getWaitTimeout() >= 90_000, option + " -> " + configuration.getWaitTimeout());
        }
        if (option.equals("requestTimeout=500ms")) {
            assertEquals(500, configuration.getRequestTimeout());
        }
    }

    @Test
    void nameOfSixtyEmojiIsSixtyCharacters() throws Exception {
        API.on("POST", "/api/v1/tasks", 200, TASK_REPLY);
        String name = "😀".repeat(60);

        Exchange exchange = template.request("nclue:tasks?operation=create", e -> e.getMessage().setBody(Map.of(
                "name", name, "train_feature_id", "f1", "train_bucket", "b", "train_file_path", "labels/train.tsv")));

        assertEquals(null, exchange.getException());
        assertEquals(1, API.requests().size());
        assertEquals(name, new ObjectMapper().readTree(API.requests().get(0).body()).get("name").asText());
    }

    @Test
    void byteArrayBodyIsReadAsJson() {
        API.on("POST", "/api/v1/tasks", 200, TASK_REPLY);
        byte[] body = "{\"name\":\"t\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\",\"train_file_path\":\"p.tsv\"}"
                .getBytes(StandardCharsets.UTF_8);

        Exchange exchange = template.request("nclue:tasks?operation=create", e -> e.getMessage().setBody(body));

        assertEquals(null, exchange.getException());
        assertEquals("{\"name\":\"t\",\"train_feature_id\":\"f1\",\"train_bucket\":\"b\",\"train_file_path\":\"p.tsv\"}",
                API.requests().get(0).body());
    }

    @Test
    void inputStreamBodyIsReadAsJson() {
        API.on("POST", "/api/v1/features", 200, "{\"feature_id\":\"f-1\",\"feature_name\":\"users\"}");
        byte[] body = "{\"name\":\"users\",\"source_bucket\":\"b\",\"source_file_path\":\"features/\"}"
                .getBytes(StandardCharsets.UTF_8);

        Exchange exchange = template.request("nclue:features?operation=create",
                e -> e.getMessage().setBody(new ByteArrayInputStream(body)));

        assertEquals(null, exchange.getException());
        assertEquals(new String(body, StandardCharsets.UTF_8), API.requests().get(0).body());
    }

    @Test
    void submitWithoutDataSendsNoInputsOrOutputs() {
        API.on("POST", "/api/v2/aiapps/submit", 200, APP_REPLY);

        Exchange exchange = template.request(
                "nclue:aiApps?operation=submit&aiWorkspaceId=6ZKSGoSJMMwctK257nxgiL&namePrefix=score",
                e -> e.getMessage().setBody("""
                        {"docker": {"image": "registry.example.com/scoring:1.4", "command": "python score.py"},
                         "resource": {"cpuCount": 4, "gpuCount": 1, "gpuModel": "T4", "memoryMb": 16384}}"""));

        assertEquals(null, exchange.getException());
        String sent = API.requests().get(0).body();
        assertTrue(sent.contains("\"data\":{\"input\":[],\"output\":[]}"), sent);
        assertTrue(sent.contains("\"cpuCount\":4"), sent);
        assertTrue(sent.contains("\"queueName\":\"gpu\""), sent);
    }

    @Test
    void wholeNumberWrittenAsDecimalIsKept() {
        API.on("POST", "/api/v2/aiapps/submit", 200, APP_REPLY);

        Exchange exchange = template.request("nclue:aiApps?operation=submit", e -> {
            e.getMessage().setBody(SUBMIT.replace("\"cpuCount\":4", "\"cpuCount\":4.0"));
            e.getMessage().setHeaders(new HashMap<>(Map.of()));
        });

        assertEquals(null, exchange.getException());
        assertTrue(API.requests().get(0).body().contains("\"cpuCount\":4,"), API.requests().get(0).body());
    }

    private String scopeOf(String uri) {
        return ((NclueEndpoint) context.getEndpoint(uri)).scope();
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }
}
