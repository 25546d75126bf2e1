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
package io.github.camelnclue.exception;

/**
 * A write made as the leader of an account and kind was refused because another instance took the lead since: nothing
 * was written, and this instance stops sweeping and emitting until the cluster service elects it again.
 */
public class NclueLeadershipLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String namespace;

    public NclueLeadershipLostException(String namespace, long epoch) {
        super("The lead of " + namespace + " (epoch " + epoch + ") was taken by another instance since: nothing was "
              + "written");
        this.namespace = namespace;
    }

    /** The cluster namespace whose lead was lost. */
    public String getNamespace() {
        return namespace;
    }
}
