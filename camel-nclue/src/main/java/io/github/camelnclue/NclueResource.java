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

import java.util.EnumSet;
import java.util.Set;

import io.github.camelnclue.model.JobKind;

import static io.github.camelnclue.NclueOperations.create;
import static io.github.camelnclue.NclueOperations.delete;
import static io.github.camelnclue.NclueOperations.download;
import static io.github.camelnclue.NclueOperations.get;
import static io.github.camelnclue.NclueOperations.getResult;
import static io.github.camelnclue.NclueOperations.kill;
import static io.github.camelnclue.NclueOperations.list;
import static io.github.camelnclue.NclueOperations.submit;

/**
 * The resources of the {@code nclue:} URI path and the operations each supports.
 */
public enum NclueResource {

    features(JobKind.FEATURES, EnumSet.of(create, get, list, delete)),
    tasks(JobKind.TASKS, EnumSet.of(create, get, list, delete)),
    taskRuns(JobKind.TASK_RUNS, EnumSet.of(create, get, list, delete, getResult)),
    aiApps(JobKind.AI_APPS, EnumSet.of(submit, get, list, kill)),
    aiWorkspaces(null, EnumSet.of(list)),
    customAttributes(JobKind.CUSTOM_ATTRIBUTES, EnumSet.of(create, get, list, delete, getResult)),
    shoppingIntents(JobKind.SHOPPING_INTENTS, EnumSet.of(create, get, list, delete, download));

    private final JobKind jobKind;
    private final Set<NclueOperations> operations;

    NclueResource(JobKind jobKind, Set<NclueOperations> operations) {
        this.jobKind = jobKind;
        this.operations = operations;
    }

    /** The kind of job this resource holds, or null for AI workspaces (not a job). */
    public JobKind jobKind() {
        return jobKind;
    }

    public Set<NclueOperations> operations() {
        return operations;
    }

    /** Fails with the supported operations when {@code operation} does not apply to this resource. */
    public void requireSupported(NclueOperations operation) {
        if (!operations.contains(operation)) {
            throw new IllegalArgumentException(
                    "operation " + operation + " is not supported for resource " + name() + "; supported: "
                                               + operations);
        }
    }
}
