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

import org.apache.camel.spi.Metadata;

/**
 * Header names of the {@code nclue:} component. A request header wins over the endpoint option of the same name and
 * over the body's field.
 */
public final class NclueConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation.",
              javaType = "io.github.camelnclue.NclueOperations")
    public static final String OPERATION = "CamelNclueOperation";

    @Metadata(description = """
            The feature id: which feature features get/delete act on, the feature_id of a task run or \
            custom-attributes profile to create; set on every reply that carries one.""", javaType = "String")
    public static final String FEATURE_ID = "CamelNclueFeatureId";
    @Metadata(description = """
            The task id: which task tasks get/delete act on, the task_id of a task run or shopping intent to \
            create; set on every reply that carries one.""", javaType = "String")
    public static final String TASK_ID = "CamelNclueTaskId";
    @Metadata(description = "The task run id taskRuns get/delete/getResult act on; set on every task run reply.",
              javaType = "String")
    public static final String RUN_ID = "CamelNclueRunId";
    @Metadata(description = """
            The profile id customAttributes and shoppingIntents get/delete/getResult/download act on; set on every \
            profile reply.""", javaType = "String")
    public static final String PROFILE_ID = "CamelNclueProfileId";
    @Metadata(description = "The AI app id aiApps get/kill act on; set on every AI app reply.", javaType = "String")
    public static final String AI_APP_ID = "CamelNclueAiAppId";
    @Metadata(label = "producer",
              description = "The name of the job to create (1 to 100 characters, unique per resource).",
              javaType = "String")
    public static final String NAME = "CamelNclueName";
    @Metadata(description = """
            The name of the job a reply or event is about. Distinct from CamelNclueName so that the name of one job \
            never becomes the name of the next job a route creates.""", javaType = "String")
    public static final String JOB_NAME = "CamelNclueJobName";

    @Metadata(label = "producer", description = "The Object Storage bucket of a feature's source file.",
              javaType = "String")
    public static final String SOURCE_BUCKET = "CamelNclueSourceBucket";
    @Metadata(label = "producer",
              description = "The path of a feature's source file, or a directory ending in '/' with several files.",
              javaType = "String")
    public static final String SOURCE_FILE_PATH = "CamelNclueSourceFilePath";
    @Metadata(label = "producer", description = "The feature a task trains on (train_feature_id).",
              javaType = "String")
    public static final String TRAIN_FEATURE_ID = "CamelNclueTrainFeatureId";
    @Metadata(label = "producer", description = "The bucket of a task's train label file.", javaType = "String")
    public static final String TRAIN_BUCKET = "CamelNclueTrainBucket";
    @Metadata(label = "producer", description = "The path of a task's train label file.", javaType = "String")
    public static final String TRAIN_FILE_PATH = "CamelNclueTrainFilePath";
    @Metadata(label = "producer", description = "The feature a task tests on (optional).", javaType = "String")
    public static final String TEST_FEATURE_ID = "CamelNclueTestFeatureId";
    @Metadata(label = "producer", description = "The bucket of a task's test label file (optional).",
              javaType = "String")
    public static final String TEST_BUCKET = "CamelNclueTestBucket";
    @Metadata(label = "producer", description = "The path of a task's test label file (optional).",
              javaType = "String")
    public static final String TEST_FILE_PATH = "CamelNclueTestFilePath";
    @Metadata(label = "producer", description = "The bucket a task run writes its result to.", javaType = "String")
    public static final String RESULT_BUCKET = "CamelNclueResultBucket";
    @Metadata(label = "producer", description = """
            The path a task run writes its result to; NCLUE appends _{random}_{yyyymmddhh}.tsv (or writes \
            nclue_{random}_{yyyymmddhh}.tsv into a path ending in '/').""", javaType = "String")
    public static final String RESULT_FILE_PATH = "CamelNclueResultFilePath";

    @Metadata(label = "producer", description = """
            The keywords of a custom-attributes profile, separated by '\\n', at most 1,000 characters in all \
            (keyword_set).""", javaType = "String")
    public static final String KEYWORD_SET = "CamelNclueKeywordSet";

    @Metadata(label = "producer", description = "The AI workspace an AI app is submitted to (up to 22 characters).",
              javaType = "String")
    public static final String AI_WORKSPACE_ID = "CamelNclueAiWorkspaceId";
    @Metadata(label = "producer", description = "The AI app name prefix (2 to 8 characters).", javaType = "String")
    public static final String NAME_PREFIX = "CamelNclueNamePrefix";
    @Metadata(label = "producer", description = """
            Identifies one AI app submit across retries, redeliveries and restarts: a submit whose key the ledger             already knows adopts the app recorded for it instead of starting another. Default: the exchange id,             which a Camel redelivery keeps but a message consumed again after a restart does not, so set a key of             your own (an order id, a file name) when the source redelivers after a crash.""", javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelNclueIdempotencyKey";
    @Metadata(label = "producer", description = "The YARN queue of an AI app.", javaType = "String")
    public static final String QUEUE_NAME = "CamelNclueQueueName";
    @Metadata(label = "producer", description = "The DataForest account whose AI apps or workspaces to list.",
              javaType = "String")
    public static final String ACCOUNT_ID = "CamelNclueAccountId";

    @Metadata(label = "producer", description = "The offset of an NCLUE list page (from 0).", javaType = "Integer")
    public static final String INDEX = "CamelNclueIndex";
    @Metadata(label = "producer", description = "The size of an NCLUE list page (1 to 100).", javaType = "Integer")
    public static final String LIMIT = "CamelNclueLimit";
    @Metadata(description = "The total number of jobs, set on list replies.", javaType = "Integer")
    public static final String TOTAL = "CamelNclueTotal";

    @Metadata(description = """
            The job's status: registered, pending, in_progress, completed or failed; for AI apps the YARN state \
            (ACCEPTED, RUNNING, FINISHED, FAILED, KILLED, ...). Set on job replies and consumed events.""",
              javaType = "String")
    public static final String STATUS = "CamelNclueStatus";
    @Metadata(label = "consumer", description = "The previous observed status of the job, null for its first.",
              javaType = "String")
    public static final String PREVIOUS_STATUS = "CamelNcluePreviousStatus";
    @Metadata(label = "consumer", description = """
            The kind of job: features, tasks, taskRuns, aiApps, customAttributes or shoppingIntents.""",
              javaType = "String")
    public static final String KIND = "CamelNclueKind";
    @Metadata(description = "The AI app's YARN final status (UNDEFINED, SUCCEEDED, FAILED, KILLED).",
              javaType = "String")
    public static final String FINAL_STATUS = "CamelNclueFinalStatus";
    @Metadata(description = "Why the job failed (NCLUE fail_message, e.g. NOT_EXIST_FILE), when it failed.",
              javaType = "String")
    public static final String FAIL_MESSAGE = "CamelNclueFailMessage";

    @Metadata(label = "producer", description = """
            The Object Storage bucket of a task run's or custom-attributes profile's result, set by getResult (the camel-aws2-s3 header, so \
            that component can fetch the same object).""", javaType = "String")
    public static final String S3_BUCKET_NAME = "CamelAwsS3BucketName";
    @Metadata(label = "producer", description = """
            The actual object key of a task run's or custom-attributes profile's result, set by getResult (the camel-aws2-s3 header).""",
              javaType = "String")
    public static final String S3_KEY = "CamelAwsS3Key";
    @Metadata(label = "producer", description = "The size in bytes of a result object, set by getResult.",
              javaType = "Long")
    public static final String RESULT_SIZE = "CamelNclueResultSize";
    @Metadata(label = "producer", description = """
            Set by create: true when it adopted an existing job of that name instead of creating one (a job this \
            component created before a restart, redelivery or retry, or any job with onDuplicateName=adopt), false \
            when it created the job.""", javaType = "boolean")
    public static final String ADOPTED = "CamelNclueAdopted";
    @Metadata(label = "producer", description = """
            For getResult with resultFormat file: the name to publish the download under in resultDirectory \
            (default: the object key's last segment).""", javaType = "String")
    public static final String RESULT_FILE_NAME = "CamelNclueResultFileName";
    @Metadata(label = "producer", description = """
            The number of lines of a result downloaded with resultFormat file, set by getResult.""",
              javaType = "Long")
    public static final String RESULT_LINE_COUNT = "CamelNclueResultLineCount";

    @Metadata(label = "producer", description = """
            Set by a dry run (dryRun=true): true when a real create would adopt the job of that name that the ledger \
            knows (its id is the reply's adoptedId) and send nothing, false when it would send the request.""",
              javaType = "Boolean")
    public static final String WOULD_ADOPT = "CamelNclueWouldAdopt";

    private NclueConstants() {
    }
}
