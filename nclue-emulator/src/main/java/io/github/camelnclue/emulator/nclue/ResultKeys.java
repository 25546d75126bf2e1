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

import java.time.Instant;

/**
 * The object key NCLUE gives a result it writes to Object Storage (task runs and custom attributes profiles): a
 * {@code result_file_path} ending in {@code /} is a directory and the file is
 * {@code {path}nclue_{random}_{yyyymmddhh}.tsv}; any other path is a file name prefix,
 * {@code {path}_{random}_{yyyymmddhh}.tsv}. The random part is 8 lowercase
 * alphanumerics and the hour is KST.
 */
final class ResultKeys {

    private ResultKeys() {
    }

    static String of(String resultFilePath, Instant at) {
        String suffix = Ids.lowerAlphanumeric(8) + "_" + Timestamps.resultSuffix(at) + ".tsv";
        return resultFilePath.endsWith("/") ? resultFilePath + "nclue_" + suffix : resultFilePath + "_" + suffix;
    }
}
