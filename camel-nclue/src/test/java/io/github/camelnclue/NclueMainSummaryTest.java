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

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-main's startup summaries list every component option set by properties, and mask only the names Camel knows
 * as sensitive: the Object Storage keys must be masked too.
 */
class NclueMainSummaryTest {

    private static final String SECRET = "Secret-Key-Never-Shown-7Q";
    private static final String OBJECT_STORAGE_ACCESS = "Object-Storage-Access-Never-Shown-3K";
    private static final String OBJECT_STORAGE_SECRET = "Object-Storage-Secret-Never-Shown-9Z";

    @TempDir
    Path directory;

    @Test
    void theStartupSummaryMasksEveryKey() throws Exception {
        StringWriter log = new StringWriter();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig camelMain = logging.getConfiguration().getLoggerConfig("org.apache.camel.main");
        WriterAppender appender = WriterAppender.newBuilder().setName("summary").setTarget(log)
                .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build()).build();
        appender.start();
        camelMain.addAppender(appender, Level.INFO, null);
        logging.updateLoggers();
        // as users configure it: an application.properties file (initial properties are not summarized)
        Path properties = Files.writeString(directory.resolve("application.properties"), String.join("\n",
                "camel.main.name = summary",
                "camel.component.nclue.access-key = AK-summary",
                "camel.component.nclue.secret-key = " + SECRET,
                "camel.component.nclue.objectStorageAccessKey = " + OBJECT_STORAGE_ACCESS,
                "camel.component.nclue.object-storage-secret-key = " + OBJECT_STORAGE_SECRET,
                "camel.component.nclue.ledger-directory = " + directory.resolve("ledger")));
        Main main = new Main();
        try {
            main.setDefaultPropertyPlaceholderLocation("file:" + properties);
            main.start();
            main.stop();
        } finally {
            camelMain.removeAppender(appender.getName());
            logging.updateLoggers();
            appender.stop();
        }

        String text = log.toString();
        assertTrue(text.contains("camel.component.nclue.objectStorageSecretKey = xxxxxx"), "the summary was logged");
        for (String secret : new String[] { SECRET, OBJECT_STORAGE_ACCESS, OBJECT_STORAGE_SECRET }) {
            assertFalse(text.contains(secret), "a key leaked into the startup log");
        }
    }
}
