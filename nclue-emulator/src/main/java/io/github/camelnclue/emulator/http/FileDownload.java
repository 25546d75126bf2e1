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
package io.github.camelnclue.emulator.http;

import java.io.InputStream;

/**
 * A reply body that is a file: the server copies {@code content} to the response as it reads it, with a
 * {@code Content-Length} of {@code length}, so a large file never sits in heap; it closes {@code content}.
 *
 * @param fileName the name a client saves it under ({@code Content-Disposition: attachment})
 */
public record FileDownload(InputStream content, long length, String fileName) {
}
