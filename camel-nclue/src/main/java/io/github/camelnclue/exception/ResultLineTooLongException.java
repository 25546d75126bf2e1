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
 * A result line is longer than resultMaxLineLength: it is failed instead of buffered without bound.
 */
public class ResultLineTooLongException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultLineTooLongException(String source, long lineNumber, int maxLineLength) {
        super("line " + lineNumber + " of " + source + " is longer than resultMaxLineLength (" + maxLineLength
              + " bytes): raise resultMaxLineLength if the result has such lines, or check that the object is a"
              + " text TSV (not compressed or binary)");
    }
}
