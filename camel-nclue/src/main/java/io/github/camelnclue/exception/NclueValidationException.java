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
 * A request broke a documented rule; thrown before anything is sent. The message names the field and the rule.
 */
public class NclueValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public NclueValidationException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** With a message worded differently from {@code field + " " + rule}. */
    public NclueValidationException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The API field name that broke the rule, e.g. {@code train_file_path}. */
    public String getField() {
        return field;
    }

    /** The rule and the value, without the field name, e.g. {@code must be 1 to 100 characters but has 101}. */
    public String getRule() {
        return rule;
    }
}
