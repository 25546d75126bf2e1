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

import java.util.function.Function;

/**
 * A request field that can come from the body (by its API name), an endpoint option or a header.
 */
enum RequestField {

    NAME("name", NclueConstants.NAME, NclueConfiguration::getName),
    SOURCE_BUCKET("source_bucket", NclueConstants.SOURCE_BUCKET, NclueConfiguration::getSourceBucket),
    SOURCE_FILE_PATH("source_file_path", NclueConstants.SOURCE_FILE_PATH, NclueConfiguration::getSourceFilePath),
    TRAIN_FEATURE_ID("train_feature_id", NclueConstants.TRAIN_FEATURE_ID, NclueConfiguration::getTrainFeatureId),
    TRAIN_BUCKET("train_bucket", NclueConstants.TRAIN_BUCKET, NclueConfiguration::getTrainBucket),
    TRAIN_FILE_PATH("train_file_path", NclueConstants.TRAIN_FILE_PATH, NclueConfiguration::getTrainFilePath),
    TEST_FEATURE_ID("test_feature_id", NclueConstants.TEST_FEATURE_ID, NclueConfiguration::getTestFeatureId),
    TEST_BUCKET("test_bucket", NclueConstants.TEST_BUCKET, NclueConfiguration::getTestBucket),
    TEST_FILE_PATH("test_file_path", NclueConstants.TEST_FILE_PATH, NclueConfiguration::getTestFilePath),
    TASK_ID("task_id", NclueConstants.TASK_ID, NclueConfiguration::getTaskId),
    FEATURE_ID("feature_id", NclueConstants.FEATURE_ID, NclueConfiguration::getFeatureId),
    RESULT_BUCKET("result_bucket", NclueConstants.RESULT_BUCKET, NclueConfiguration::getResultBucket),
    RESULT_FILE_PATH("result_file_path", NclueConstants.RESULT_FILE_PATH, NclueConfiguration::getResultFilePath),
    AI_WORKSPACE_ID("aiWorkspaceId", NclueConstants.AI_WORKSPACE_ID, NclueConfiguration::getAiWorkspaceId),
    NAME_PREFIX("namePrefix", NclueConstants.NAME_PREFIX, NclueConfiguration::getNamePrefix),
    QUEUE_NAME("queueName", NclueConstants.QUEUE_NAME, NclueConfiguration::getQueueName);

    static final RequestField[] FEATURE = { NAME, SOURCE_BUCKET, SOURCE_FILE_PATH };
    static final RequestField[] TASK = {
            NAME, TRAIN_FEATURE_ID, TRAIN_BUCKET, TRAIN_FILE_PATH, TEST_FEATURE_ID, TEST_BUCKET, TEST_FILE_PATH };
    static final RequestField[] TASK_RUN = { NAME, TASK_ID, FEATURE_ID, RESULT_BUCKET, RESULT_FILE_PATH };
    static final RequestField[] AI_APP = { AI_WORKSPACE_ID, NAME_PREFIX, QUEUE_NAME };

    private final String apiName;
    private final String header;
    private final Function<NclueConfiguration, String> option;

    RequestField(String apiName, String header, Function<NclueConfiguration, String> option) {
        this.apiName = apiName;
        this.header = header;
        this.option = option;
    }

    String apiName() {
        return apiName;
    }

    String header() {
        return header;
    }

    /** The endpoint option of the field, e.g. {@code trainFilePath} for {@code train_file_path}. */
    String optionName() {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : apiName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    String option(NclueConfiguration configuration) {
        return option.apply(configuration);
    }
}
