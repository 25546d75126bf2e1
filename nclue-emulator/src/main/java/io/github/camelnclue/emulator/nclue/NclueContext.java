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
package io.github.camelnclue.emulator.nclue;

import java.util.function.Consumer;

import io.github.camelnclue.emulator.JobKind;
import io.github.camelnclue.emulator.clock.JobClock;
import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * What the NCLUE resource handlers and job workers share.
 *
 * @param onCreated called once per created job (the stats count them)
 */
record NclueContext(JobStore store, JobLifecycle lifecycle, JobClock clock, Consumer<JobKind> onCreated,
                    EmulatorObjectStorage storage) {
}
