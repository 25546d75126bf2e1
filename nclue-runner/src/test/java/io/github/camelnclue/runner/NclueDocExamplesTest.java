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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelnclue.NclueConstants;
import io.github.camelnclue.emulator.DemoData;
import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.NclueEmulator;
import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;
import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.model.DryRunRequest;
import io.github.camelnclue.model.Feature;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.Task;
import io.github.camelnclue.model.TaskRun;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ProcessorEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route example of the component page (camel-nclue/src/main/docs/nclue-component.adoc) and of README.md runs
 * as written against the emulator: the YAML examples are read from the documents and loaded by camel-main, the Java
 * DSL examples are below, copied verbatim (checked against the page). Only what the examples leave to the reader is
 * supplied: the keys and endpoints (the emulator's), the {{...}} properties, the example's bucket, and stand-ins for
 * kafka: and the direct: routes they hand over to.
 */
class NclueDocExamplesTest {

    static final Path ADOC = Path.of("../camel-nclue/src/main/docs/nclue-component.adoc");
    static final Path README = Path.of("../README.md");
    static final Path SELF = Path.of("src/test/java/io/github/camelnclue/runner/NclueDocExamplesTest.java");
    private static final Pattern ADOC_YAML = Pattern.compile("\\[source,yaml\\]\n----\n(.*?)\n----", Pattern.DOTALL);
    private static final Pattern ADOC_JAVA = Pattern.compile("\\[source,java\\]\n----\n(from\\(.*?)\n----",
            Pattern.DOTALL);
    private static final Pattern README_YAML = Pattern.compile("```yaml\n(.*?)\n```", Pattern.DOTALL);
    private static final String BUCKET = "my-bucket";

    @TempDir
    Path workDir;

    private NclueEmulator emulator;
    private final List<Main> mains = new ArrayList<>();
    private final List<Object> kafka = new CopyOnWriteArrayList<>();
    private final List<Object> stored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = NclueEmulator.builder().statusStep(Duration.ofMillis(100)).build().start();
        DemoData.seed(emulator);
        // the examples' bucket: a feature source directory and a label file
        EmulatorObjectStorage storage = emulator.objectStorage();
        storage.createBucket(BUCKET);
        storage.putObject(BUCKET, "features/users/part-0.tsv",
                storage.readString(DemoData.BUCKET, DemoData.FEATURE_KEY));
        storage.putObject(BUCKET, "labels/train.tsv", storage.readString(DemoData.BUCKET, DemoData.TRAIN_LABEL_KEY));
    }

    @AfterEach
    void stop() {
        mains.forEach(Main::stop);
        emulator.close();
    }

    /** The Java DSL examples of the component page, verbatim. */
    static final class JavaExamples {

        static RoutesBuilder features() {
            return new RouteBuilder() {
                @Override
                public void configure() {
from("direct:new-feature")
    .setHeader(NclueConstants.NAME, simple("users-${date:now:yyyyMMdd}"))
    .to("nclue:features?operation=create&sourceBucket=my-bucket&sourceFilePath=features/users/"
        + "&waitForCompletion=true")
    .log("feature ${body.featureId} has ${body.userCount} users");
                }
            };
        }

        static RoutesBuilder tasksRunsAndConsumer() {
            return new RouteBuilder() {
                @Override
                public void configure() {
from("direct:train")
    .to("nclue:tasks?operation=create&name=nightly-model&trainFeatureId={{nclue.feature-id}}"
        + "&trainBucket=my-bucket&trainFilePath=labels/train.tsv&waitForCompletion=true&waitTimeout=2h")
    .choice()
        .when(simple("${body.auroc} >= 0.7")).to("direct:run-model")
        .otherwise().log("model ${body.taskId} too weak: AUROC ${body.auroc}");

from("direct:run-model")
    .setHeader(NclueConstants.TASK_ID, simple("${body.taskId}"))
    .setHeader(NclueConstants.NAME, simple("nightly-run-${date:now:yyyyMMddHH}"))
    .to("nclue:taskRuns?operation=create&featureId={{nclue.feature-id}}&resultBucket=my-bucket"
        + "&resultFilePath=results/nightly/&waitForCompletion=true")
    .to("nclue:taskRuns?operation=getResult&resultBatchSize=1000")
    .split(body()).streaming()
        .to("kafka:nclue-scores");

from("nclue:taskRuns?statuses=completed,failed").routeId("on-run-completed")
    .choice()
        .when(header(NclueConstants.STATUS).isEqualTo("completed"))
            .to("nclue:taskRuns?operation=getResult&resultBatchSize=1000")
            .split(body()).streaming().to("direct:store-scores").endChoice()
        .otherwise()
            .log("run ${header.CamelNclueRunId} failed: ${body.failMessage}");
                }
            };
        }

        static RoutesBuilder aiApps() {
            return new RouteBuilder() {
                @Override
                public void configure() {
from("direct:submit-app")
    .setBody(constant(Map.of(
        "docker", Map.of("image", "registry.example.com/scoring:1.4", "command", "python score.py"),
        "resource", Map.of("cpuCount", 4, "gpuCount", 1, "gpuModel", "T4", "memoryMb", 16384))))
    .to("nclue:aiApps?operation=submit&aiWorkspaceId={{dataforest.workspace-id}}&namePrefix=score"
        + "&waitForCompletion=true")
    .log("AI app ${body.id} ended ${body.state}/${body.finalStatus}");
                }
            };
        }

        static RoutesBuilder workspaces() {
            return new RouteBuilder() {
                @Override
                public void configure() {
from("timer:workspaces?repeatCount=1")
    .to("nclue:aiWorkspaces?operation=list&accountId={{dataforest.account-id}}")
    .split(simple("${body.contents}"))
        .log("${body.id} ${body.name}");
                }
            };
        }
    }

    @Test
    void theJavaExamplesBelowAreThePagesVerbatim() throws Exception {
        String self = unindent(Files.readString(SELF));
        Matcher block = ADOC_JAVA.matcher(Files.readString(ADOC));
        int examples = 0;
        while (block.find()) {
            examples++;
            assertTrue(self.contains(unindent(block.group(1))), "not copied verbatim into this test:\n" + block.group(1));
        }
        assertEquals(6, examples, "Java route examples in the component page");
    }

    private static final List<String> YAML_EXAMPLES_RUN = List.of("id: new-feature", "id: train", "id: run-model",
            "id: on-run-completed", "- onException:", "id: submit-app", "timer:workspaces", "id: shopping-intents",
            "direct:what-would-it-do", "id: nclue-events", "direct:taskAsJson");

    @Test
    void aReplyRecordMarshalsToTheApisJson() throws Exception {
        start(List.of(adocExample("direct:taskAsJson")), Map.of(), null);
        ProducerTemplate template = template(mains.get(mains.size() - 1));
        Feature feature = template.requestBody("nclue:features?operation=create&name=doc-json-feature&sourceBucket="
                                               + DemoData.BUCKET + "&sourceFilePath=" + DemoData.FEATURE_KEY
                                               + "&waitForCompletion=true", null, Feature.class);
        Task task = template.requestBodyAndHeader("nclue:tasks?operation=create&name=doc-json-task&trainBucket="
                                                  + DemoData.BUCKET + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY,
                null, NclueConstants.TRAIN_FEATURE_ID, feature.featureId(), Task.class);

        String json = template.requestBodyAndHeader("direct:taskAsJson", null, NclueConstants.TASK_ID, task.taskId(),
                String.class);

        assertTrue(json.contains("\"task_id\":\"" + task.taskId() + "\"") && json.contains("\"task_name\":\"doc-json-task\""),
                json);
    }

    @Test
    void resultFilesPublishedByTheEventRoute() throws Exception {
        Path results = workDir.resolve("results");
        start(List.of(adocExample("id: nclue-events").replace("/data/results", results.toString())), Map.of(), null);
        ProducerTemplate template = template(mains.get(mains.size() - 1));
        Feature feature = template.requestBody("nclue:features?operation=create&name=doc-ev-feature&sourceBucket="
                                               + DemoData.BUCKET + "&sourceFilePath=" + DemoData.FEATURE_KEY
                                               + "&waitForCompletion=true", null, Feature.class);
        Task task = template.requestBodyAndHeader("nclue:tasks?operation=create&name=doc-ev-task&trainBucket="
                                                  + DemoData.BUCKET + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY
                                                  + "&waitForCompletion=true",
                null, NclueConstants.TRAIN_FEATURE_ID, feature.featureId(), Task.class);
        String runId = template.request("nclue:taskRuns?operation=create&name=doc-ev-run&resultBucket="
                                        + DemoData.BUCKET + "&resultFilePath=" + DemoData.RESULT_PREFIX,
                e -> {
                    e.getMessage().setHeader(NclueConstants.TASK_ID, task.taskId());
                    e.getMessage().setHeader(NclueConstants.FEATURE_ID, feature.featureId());
                }).getMessage().getHeader(NclueConstants.RUN_ID, String.class);

        Path published = results.resolve(runId + ".tsv");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(published));
        assertEquals(DemoData.USERS, Files.readAllLines(published).size(), "the whole result, published once complete");
    }

    @Test
    void shoppingIntentDownloadAndDryRun() throws Exception {
        Main main = start(List.of(adocExample("id: shopping-intents"), adocExample("direct:what-would-it-do")),
                Map.of("nclue.feature-id", "f-unused"), null);
        ProducerTemplate template = template(main);
        Feature feature = template.requestBody("nclue:features?operation=create&name=doc-si-feature&sourceBucket="
                                               + DemoData.BUCKET + "&sourceFilePath=" + DemoData.FEATURE_KEY
                                               + "&waitForCompletion=true", null, Feature.class);
        Task task = template.requestBodyAndHeader("nclue:tasks?operation=create&name=doc-si-task&trainBucket="
                                                  + DemoData.BUCKET + "&trainFilePath=" + DemoData.TRAIN_LABEL_KEY
                                                  + "&waitForCompletion=true",
                null, NclueConstants.TRAIN_FEATURE_ID, feature.featureId(), Task.class);

        template.requestBodyAndHeader("direct:profile-task", null, NclueConstants.TASK_ID, task.taskId());
        DryRunRequest dryRun = template.requestBody("direct:what-would-it-do", null, DryRunRequest.class);

        assertEquals(DemoData.USERS, rows(kafka), "every shopping intent row reached kafka:shopping-intents");
        assertEquals(1, emulator.stats().created(JobKind.SHOPPING_INTENT));
        assertEquals("POST", dryRun.method());
        assertEquals(2, emulator.stats().created(JobKind.TASK) + emulator.stats().created(JobKind.FEATURE),
                "the dry run created nothing");
    }

    @Test
    void everyYamlRouteExampleOfThePageIsRunHere() throws Exception {
        Matcher block = ADOC_YAML.matcher(Files.readString(ADOC));
        int examples = 0;
        List<String> markers = new ArrayList<>(YAML_EXAMPLES_RUN);
        markers.addAll(YAML_EXAMPLES_RUN_ELSEWHERE.keySet());
        while (block.find()) {
            if (block.group(1).startsWith("- ")) {
                examples++;
                String example = block.group(1);
                assertEquals(1, markers.stream().filter(example::contains).count(),
                        "an example no test runs (or two markers match):\n" + example);
            }
        }
        assertEquals(markers.size(), examples);
    }

    /** Examples that need what this module does not have, with the test that runs them. */
    private static final Map<String, String> YAML_EXAMPLES_RUN_ELSEWHERE = Map.of(
            "kamelet:nclue-train-task-action",
            "camel-nclue's NclueKameletsTest runs the Kamelets from YAML under camel-main against the emulator");

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "java" })
    void featuresTasksTaskRunsResultsAndTheConsumer(String dsl) throws Exception {
        Main first = start(dsl.equals("yaml") ? List.of(adocExample("id: new-feature")) : List.of(), Map.of(),
                dsl.equals("java") ? JavaExamples.features() : null);
        Feature feature = template(first).requestBody("direct:new-feature", null, Feature.class);
        assertEquals("completed", feature.status());
        assertEquals(DemoData.USERS, feature.userCount().intValue());
        assertTrue(feature.name().startsWith("users-"), feature.name());

        Main second = start(dsl.equals("yaml")
                ? List.of(adocExample("id: train"), adocExample("id: run-model"), adocExample("id: on-run-completed"),
                        adocExample("- onException:"))
                : List.of(), Map.of("nclue.feature-id", feature.featureId()),
                dsl.equals("java") ? JavaExamples.tasksRunsAndConsumer() : null, storeScores());
        NotifyBuilder consumed = new NotifyBuilder(second.getCamelContext()).fromRoute("on-run-completed")
                .whenCompleted(1).create();
        ProducerTemplate template = template(second);
        Exchange trained = template.request("direct:train", e -> {
        });
        assertNull(trained.getException());
        Task task = template.requestBodyAndHeader("nclue:tasks?operation=get", null, NclueConstants.TASK_ID,
                trained.getMessage().getHeader(NclueConstants.TASK_ID), Task.class);
        assertEquals("completed", task.status());
        assertEquals("nightly-model", task.name());
        if (kafka.isEmpty()) {
            // AUROC under 0.7: the example logs and stops; run the next example on the task as the choice would
            template.requestBody("direct:run-model", task);
        }
        assertEquals(DemoData.USERS, rows(kafka), "every result row reached kafka:nclue-scores");
        assertTrue(consumed.matches(30, TimeUnit.SECONDS), "the consumer example processed the completed run");
        assertEquals(DemoData.USERS, rows(stored), "every result row reached direct:store-scores");
        assertEquals(1, emulator.stats().created(JobKind.TASK_RUN));

        if (dsl.equals("yaml")) {
            // the error handling example's direct:run, with the fields its URI leaves to headers
            TaskRun rerun = template.send("direct:run", e -> {
                e.getMessage().setHeader(NclueConstants.NAME, "rerun-1");
                e.getMessage().setHeader(NclueConstants.TASK_ID, task.taskId());
                e.getMessage().setHeader(NclueConstants.FEATURE_ID, feature.featureId());
                e.getMessage().setHeader(NclueConstants.RESULT_BUCKET, BUCKET);
                e.getMessage().setHeader(NclueConstants.RESULT_FILE_PATH, "results/rerun/");
            }).getMessage().getBody(TaskRun.class);
            assertEquals("completed", rerun.status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "java" })
    void aiAppSubmit(String dsl) throws Exception {
        Main main = start(dsl.equals("yaml") ? List.of(adocExample("id: submit-app")) : List.of(),
                Map.of("dataforest.workspace-id", emulator.aiWorkspaceId()),
                dsl.equals("java") ? JavaExamples.aiApps() : null);

        AiApp app = template(main).requestBody("direct:submit-app", null, AiApp.class);

        assertEquals("FINISHED", app.state());
        assertEquals("SUCCEEDED", app.finalStatus());
        assertTrue(app.name().startsWith("score-"), app.name());
        assertEquals(1, emulator.stats().created(JobKind.AI_APP));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "java" })
    void aiWorkspaces(String dsl) throws Exception {
        Main main = start(dsl.equals("yaml") ? List.of(adocExample("timer:workspaces")) : List.of(),
                Map.of("dataforest.account-id", emulator.dataForestAccountId()),
                dsl.equals("java") ? JavaExamples.workspaces() : null);
        NotifyBuilder listed = new NotifyBuilder(main.getCamelContext()).from("timer:workspaces*").whenCompleted(1)
                .create();

        assertTrue(listed.matches(30, TimeUnit.SECONDS), "the timer route ran");
        assertEquals(1L, emulator.stats().snapshot().requests().get("POST /api/v2/aiworkspaces/getList"));
    }

    @Test
    void theReadmeExample() throws Exception {
        Main first = start(List.of(adocExample("id: new-feature")), Map.of(), null);
        Feature feature = template(first).requestBody("direct:new-feature", null, Feature.class);
        List<String> yaml = readmeExamples();
        assertEquals(1, yaml.size(), "YAML examples in README.md");

        Main main = start(yaml, Map.of("nclue.feature-id", feature.featureId()), null);
        NotifyBuilder trained = new NotifyBuilder(main.getCamelContext()).fromRoute("nightly-training")
                .whenCompleted(1).create();

        assertTrue(trained.matches(60, TimeUnit.SECONDS), "the nightly-training route ran");
        assertEquals(1, emulator.stats().created(JobKind.TASK));
        String day = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        JobPage<?> tasks = template(main).requestBody("nclue:tasks?operation=list&limit=100", null, JobPage.class);
        NclueJob task = tasks.items().stream().filter(t -> t.name().equals("petfood-" + day)).findFirst()
                .orElseThrow(() -> new AssertionError("no task petfood-" + day + " in " + tasks.items()));
        assertEquals("completed", task.status());
    }

    /** Starts camel-main with the YAML routes and/or the Java routes, on the emulator. */
    private Main start(List<String> yamlRoutes, Map<String, String> properties, RoutesBuilder java,
                       RoutesBuilder... extra) throws Exception {
        Main main = new Main();
        Map<String, String> settings = new HashMap<>(ChainSettings.forEmulator(emulator, "docs", workDir));
        settings.put("camel.component.nclue.ledger-directory", workDir.resolve("ledger-" + mains.size()).toString());
        settings.putAll(properties);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < yamlRoutes.size(); i++) {
            Path file = workDir.resolve("example-" + mains.size() + "-" + i + ".yaml");
            Files.writeString(file, yamlRoutes.get(i));
            files.add("file:" + file);
        }
        if (!files.isEmpty()) {
            settings.put("camel.main.routes-include-pattern", String.join(",", files));
        }
        settings.forEach(main::addInitialProperty);
        main.bind("kafka", new Collector(kafka));
        if (java != null) {
            main.configure().addRoutesBuilder(java);
        }
        for (RoutesBuilder builder : extra) {
            main.configure().addRoutesBuilder(builder);
        }
        main.start();
        mains.add(main);
        return main;
    }

    private RoutesBuilder storeScores() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:store-scores").process(e -> stored.add(e.getMessage().getBody()));
            }
        };
    }

    private static ProducerTemplate template(Main main) {
        return main.getCamelContext().createProducerTemplate();
    }

    /** Rows in what a split of resultBatchSize=1000 sent: lists of rows. */
    private static int rows(List<Object> batches) {
        int rows = 0;
        for (Object batch : batches) {
            rows += batch instanceof List<?> list ? list.size() : 1;
        }
        return rows;
    }

    private static String adocExample(String marker) throws Exception {
        Matcher block = ADOC_YAML.matcher(Files.readString(ADOC));
        while (block.find()) {
            if (block.group(1).startsWith("- ") && block.group(1).contains(marker)) {
                return block.group(1);
            }
        }
        throw new AssertionError("no YAML example with " + marker + " in " + ADOC);
    }

    private static List<String> readmeExamples() throws Exception {
        List<String> examples = new ArrayList<>();
        Matcher block = README_YAML.matcher(Files.readString(README));
        while (block.find()) {
            if (block.group(1).startsWith("- ")) {
                examples.add(block.group(1));
            }
        }
        return examples;
    }

    private static String unindent(String text) {
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Stands in for kafka: every message body it is sent is kept. */
    private static final class Collector extends DefaultComponent {

        private final List<Object> bodies;

        Collector(List<Object> bodies) {
            this.bodies = bodies;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            return new ProcessorEndpoint(uri, this, exchange -> bodies.add(exchange.getMessage().getBody()));
        }
    }
}
