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
package io.github.camelnclue.examples.javadsl;

import org.apache.camel.builder.RouteBuilder;

/**
 * Routes that use the nclue component next to whatever routes the application already has.
 */
public class NclueRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // how many task models the account has: a single list call
        from("direct:count-tasks").routeId("count-tasks")
                .to("nclue:tasks?operation=list&limit=1")
                .setBody(simple("${body.total}"));

        // train a model on the labels in Object Storage and reply once NCLUE has finished it
        from("direct:train").routeId("train")
                .to("nclue:tasks?operation=create&trainFeatureId={{nclue.train-feature-id}}&trainBucket={{nclue.bucket}}"
                    + "&trainFilePath=labels/train.tsv"
                    + "&waitForCompletion=true&waitTimeout=2h")
                .log("task ${body.taskId} is ${body.status} with AUROC ${body.auroc}")
                .setBody(simple("${body.taskId} ${body.auroc}"));
    }
}
