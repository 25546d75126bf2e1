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
package io.github.camelnclue.examples.camelmain;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.util.VersionInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * This project has no parent, so it restates the versions of Camel and the AWS SDK. Built inside the camel-nclue
 * repository, the ones on its classpath must be those the component is built and tested with: the root pom's
 * {@code camel.version} and {@code aws-sdk.version}.
 */
class ReactorVersionsTest {

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();
    private static Document reactor;

    @BeforeAll
    static void readTheRootPom() throws Exception {
        Path root = Path.of("../../pom.xml");
        assumeTrue(Files.isRegularFile(root), "not inside the camel-nclue repository");
        reactor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.toFile());
        assumeTrue("camel-nclue-parent".equals(XPATH.evaluate("/project/artifactId", reactor)),
                "not inside the camel-nclue repository");
    }

    @Test
    void camelIsTheVersionTheComponentIsBuiltWith() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertEquals(property("camel.version"), context.getVersion(),
                    "set camel.version in this example's pom.xml to the root pom's");
        }
    }

    @Test
    void theAwsSdkIsTheVersionTheComponentIsBuiltWith() throws Exception {
        assertEquals(property("aws-sdk.version"), VersionInfo.SDK_VERSION,
                "set aws-sdk.version in this example's pom.xml to the root pom's");
    }

    private static String property(String name) throws Exception {
        return XPATH.evaluate("/project/properties/" + name, reactor);
    }
}
