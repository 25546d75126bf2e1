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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelnclue.exception.NclueJobFailedException;
import io.github.camelnclue.exception.NclueValidationException;
import io.github.camelnclue.exception.NclueWaitTimeoutException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Every option of the {@code nclue:} component; set once on the component ({@code camel.component.nclue.accessKey})
 * or per endpoint.
 */
@UriParams
public class NclueConfiguration implements Cloneable {

    @UriPath(description = "The resource: features, tasks, taskRuns, aiApps, aiWorkspaces, customAttributes or shoppingIntents.")
    @Metadata(required = true)
    private NclueResource resource;
    @UriParam(label = "producer", enums = "create,get,list,delete,getResult,submit,kill,download")
    private NclueOperations operation;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(defaultValue = "https://nclue.apigw.ntruss.com")
    private String nclueEndpoint = "https://nclue.apigw.ntruss.com";
    @UriParam(defaultValue = "https://df.apigw.ntruss.com")
    private String dataForestEndpoint = "https://df.apigw.ntruss.com";
    @UriParam(label = "producer")
    private String featureId;
    @UriParam(label = "producer")
    private String taskId;
    @UriParam(label = "producer")
    private String runId;
    @UriParam(label = "producer")
    private String aiAppId;
    @UriParam(label = "producer")
    private String profileId;
    @UriParam(label = "producer")
    private String keywordSet;
    @UriParam(label = "producer")
    private String name;
    @UriParam(label = "producer")
    private String sourceBucket;
    @UriParam(label = "producer")
    private String sourceFilePath;
    @UriParam(label = "producer")
    private String trainFeatureId;
    @UriParam(label = "producer")
    private String trainBucket;
    @UriParam(label = "producer")
    private String trainFilePath;
    @UriParam(label = "producer")
    private String testFeatureId;
    @UriParam(label = "producer")
    private String testBucket;
    @UriParam(label = "producer")
    private String testFilePath;
    @UriParam(label = "producer")
    private String resultBucket;
    @UriParam(label = "producer")
    private String resultFilePath;
    @UriParam(label = "producer")
    private String aiWorkspaceId;
    @UriParam(label = "producer")
    private String namePrefix;
    @UriParam(label = "producer", defaultValue = "gpu")
    private String queueName = "gpu";
    @UriParam(label = "producer")
    private String accountId;
    @UriParam(label = "producer", defaultValue = "0")
    private int index = 0;
    @UriParam(label = "producer", defaultValue = "20")
    private int limit = 20;
    @UriParam(label = "producer", defaultValue = "rows", enums = "rows,lines,stream,file")
    private NclueResultFormat resultFormat = NclueResultFormat.rows;
    @UriParam(label = "producer", defaultValue = "1")
    private int resultBatchSize = 1;
    @UriParam(label = "producer")
    private String resultDirectory;
    @UriParam(label = "producer", defaultValue = "1048576")
    private int resultMaxLineLength = 1 << 20;
    @UriParam(label = "objectStorage", defaultValue = "https://kr.object.ncloudstorage.com")
    private String objectStorageEndpoint = "https://kr.object.ncloudstorage.com";
    @UriParam(label = "objectStorage", defaultValue = "kr-standard")
    private String region = "kr-standard";
    @UriParam(label = "objectStorage,security", secret = true)
    private String objectStorageAccessKey;
    @UriParam(label = "objectStorage,security", secret = true)
    private String objectStorageSecretKey;
    @UriParam(label = "objectStorage,advanced")
    private software.amazon.awssdk.services.s3.S3Client s3Client;
    @UriParam(label = "advanced", defaultValue = "1.0")
    private double requestsPerSecond = 1.0;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryInitialDelay = 1000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long retryMaxDelay = 30000;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long requestTimeout = 60000;
    @UriParam(label = "producer")
    private boolean waitForCompletion;
    @UriParam(label = "producer", defaultValue = "21600000", javaType = "java.time.Duration")
    private long waitTimeout = 21600000;
    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,adopt")
    private NclueDuplicateNamePolicy onDuplicateName = NclueDuplicateNamePolicy.fail;
    @UriParam(label = "producer", defaultValue = "detach", enums = "detach,cancel")
    private NclueWaitTimeoutPolicy onWaitTimeout = NclueWaitTimeoutPolicy.detach;
    @UriParam(label = "producer")
    private boolean dryRun;
    @UriParam(label = "consumer")
    private String statuses;
    @UriParam(label = "consumer")
    private boolean watchAll;
    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration")
    private long redeliveryDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "300000", javaType = "java.time.Duration")
    private long maxRedeliveryDelay = 300000;
    @UriParam(label = "consumer", defaultValue = "now", enums = "now,recorded")
    private String startFrom = "now";
    @UriParam(label = "consumer", defaultValue = "100")
    private int maxMessagesPerPoll = 100;

    public NclueResource getResource() {
        return resource;
    }

    /**
     * The resource: features, tasks, taskRuns, aiApps, aiWorkspaces, customAttributes or shoppingIntents.
     */
    public void setResource(NclueResource resource) {
        this.resource = resource;
    }

    public NclueOperations getOperation() {
        return operation;
    }

    /**
     * The operation to perform: create, get, list or delete for features, tasks, taskRuns, customAttributes and shoppingIntents; getResult for taskRuns and customAttributes (stream the result file from Object Storage); download for shoppingIntents (stream the {profile_id}.tsv file from NCLUE); submit, get, list or kill for aiApps; list for aiWorkspaces. The header CamelNclueOperation overrides it.
     */
    public void setOperation(NclueOperations operation) {
        this.operation = operation;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The NCP API access key (main or sub account). Also used for Object Storage unless objectStorageAccessKey is set.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * The NCP API secret key that signs every request (API Gateway signature v2). Also used for Object Storage unless objectStorageSecretKey is set.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getNclueEndpoint() {
        return nclueEndpoint;
    }

    /**
     * The NCLUE API base URL (scheme, host and optional port; the /api/v1 paths are added). Point it at another region's gateway or at the nclue emulator.
     */
    public void setNclueEndpoint(String nclueEndpoint) {
        this.nclueEndpoint = nclueEndpoint;
    }

    public String getDataForestEndpoint() {
        return dataForestEndpoint;
    }

    /**
     * The DataForest API base URL (scheme, host and optional port; the /api/v2 paths are added).
     */
    public void setDataForestEndpoint(String dataForestEndpoint) {
        this.dataForestEndpoint = dataForestEndpoint;
    }

    public String getFeatureId() {
        return featureId;
    }

    /**
     * The feature id for features get and delete, and the feature_id of a task run or custom-attributes profile to create. The header CamelNclueFeatureId overrides it.
     */
    public void setFeatureId(String featureId) {
        this.featureId = featureId;
    }

    public String getTaskId() {
        return taskId;
    }

    /**
     * The task id for tasks get and delete, and the task_id of a task run or shopping intent to create. The header CamelNclueTaskId overrides it.
     */
    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getRunId() {
        return runId;
    }

    /**
     * The task run id for taskRuns get, delete and getResult. The header CamelNclueRunId overrides it.
     */
    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getAiAppId() {
        return aiAppId;
    }

    /**
     * The AI app id for aiApps get and kill. The header CamelNclueAiAppId overrides it.
     */
    public void setAiAppId(String aiAppId) {
        this.aiAppId = aiAppId;
    }

    public String getProfileId() {
        return profileId;
    }

    /**
     * The profile id for customAttributes get, delete and getResult and shoppingIntents get, delete and download. The header CamelNclueProfileId overrides it.
     */
    public void setProfileId(String profileId) {
        this.profileId = profileId;
    }

    public String getKeywordSet() {
        return keywordSet;
    }

    /**
     * The keywords of a custom-attributes profile to create (keyword_set): separated by a newline, at most 1,000 characters in all. The header CamelNclueKeywordSet overrides it.
     */
    public void setKeywordSet(String keywordSet) {
        this.keywordSet = keywordSet;
    }

    public String getName() {
        return name;
    }

    /**
     * The name of the feature, task or task run to create (1 to 100 characters, unique per resource). The header CamelNclueName and the body's name field override it.
     */
    public void setName(String name) {
        this.name = name;
    }

    public String getSourceBucket() {
        return sourceBucket;
    }

    /**
     * The Object Storage bucket of a feature's source file (features create).
     */
    public void setSourceBucket(String sourceBucket) {
        this.sourceBucket = sourceBucket;
    }

    public String getSourceFilePath() {
        return sourceFilePath;
    }

    /**
     * The path of a feature's source file, or a directory ending in '/' (features create).
     */
    public void setSourceFilePath(String sourceFilePath) {
        this.sourceFilePath = sourceFilePath;
    }

    public String getTrainFeatureId() {
        return trainFeatureId;
    }

    /**
     * The feature a task trains on (tasks create).
     */
    public void setTrainFeatureId(String trainFeatureId) {
        this.trainFeatureId = trainFeatureId;
    }

    public String getTrainBucket() {
        return trainBucket;
    }

    /**
     * The bucket of the train label file (tasks create).
     */
    public void setTrainBucket(String trainBucket) {
        this.trainBucket = trainBucket;
    }

    public String getTrainFilePath() {
        return trainFilePath;
    }

    /**
     * The path of the train label file (tasks create). The characters & $ @ = ; : + , ? * \ { } ^ % ` [ ] < > ~ # | " ' and space are not allowed, nor non-ASCII.
     */
    public void setTrainFilePath(String trainFilePath) {
        this.trainFilePath = trainFilePath;
    }

    public String getTestFeatureId() {
        return testFeatureId;
    }

    /**
     * The feature a task tests on (tasks create, optional).
     */
    public void setTestFeatureId(String testFeatureId) {
        this.testFeatureId = testFeatureId;
    }

    public String getTestBucket() {
        return testBucket;
    }

    /**
     * The bucket of the test label file (tasks create, optional).
     */
    public void setTestBucket(String testBucket) {
        this.testBucket = testBucket;
    }

    public String getTestFilePath() {
        return testFilePath;
    }

    /**
     * The path of the test label file (tasks create, optional); same character rules as trainFilePath.
     */
    public void setTestFilePath(String testFilePath) {
        this.testFilePath = testFilePath;
    }

    public String getResultBucket() {
        return resultBucket;
    }

    /**
     * The bucket a task run or custom-attributes profile writes its result TSV to (taskRuns and customAttributes create).
     */
    public void setResultBucket(String resultBucket) {
        this.resultBucket = resultBucket;
    }

    public String getResultFilePath() {
        return resultFilePath;
    }

    /**
     * The path a task run or custom-attributes profile writes its result to (taskRuns and customAttributes create). NCLUE appends _{random}_{yyyymmddhh}.tsv, or writes nclue_{random}_{yyyymmddhh}.tsv into a path ending in '/'; getResult finds the actual key.
     */
    public void setResultFilePath(String resultFilePath) {
        this.resultFilePath = resultFilePath;
    }

    public String getAiWorkspaceId() {
        return aiWorkspaceId;
    }

    /**
     * The AI workspace an AI app is submitted to (aiApps submit, up to 22 characters).
     */
    public void setAiWorkspaceId(String aiWorkspaceId) {
        this.aiWorkspaceId = aiWorkspaceId;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    /**
     * The AI app name prefix (aiApps submit, 2 to 8 characters).
     */
    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public String getQueueName() {
        return queueName;
    }

    /**
     * The YARN queue of an AI app (aiApps submit).
     */
    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public String getAccountId() {
        return accountId;
    }

    /**
     * The DataForest account whose AI apps or AI workspaces to list.
     */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public int getIndex() {
        return index;
    }

    /**
     * The offset of the page to list (NCLUE list operations), from 0.
     */
    public void setIndex(int index) {
        this.index = index;
    }

    public int getLimit() {
        return limit;
    }

    /**
     * The size of the page to list (NCLUE list operations), 1 to 100.
     */
    public void setLimit(int limit) {
        this.limit = limit;
    }

    public NclueResultFormat getResultFormat() {
        return resultFormat;
    }

    /**
     * How getResult (taskRuns, customAttributes) and download (shoppingIntents) return the result TSV: rows (an iterator of rows, each a list of columns), lines (an iterator of lines), stream (the object's InputStream: turn stream caching off on that route, or Camel buffers the whole object in memory) or file (download to resultDirectory and return the file: it appears there only complete, renamed atomically from a part file; an interrupted download resumes with range reads checked by the object's ETag, and a download already published is returned as it is, so a replayed exchange writes nothing twice). rows and lines are never buffered, so a streaming split runs in constant memory even with stream caching on.
     */
    public void setResultFormat(NclueResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    public int getResultBatchSize() {
        return resultBatchSize;
    }

    /**
     * For resultFormat rows or lines: how many rows each iterator element holds. 1 gives one row per element; larger values give lists of rows, so a split makes fewer, bigger exchanges (much faster for million-line results).
     */
    public void setResultBatchSize(int resultBatchSize) {
        this.resultBatchSize = resultBatchSize;
    }

    public String getResultDirectory() {
        return resultDirectory;
    }

    /**
     * For resultFormat file: the local directory to download result files to (default: the JVM's temporary directory).
     */
    public void setResultDirectory(String resultDirectory) {
        this.resultDirectory = resultDirectory;
    }

    public int getResultMaxLineLength() {
        return resultMaxLineLength;
    }

    /**
     * For resultFormat rows or lines: the longest line accepted, in bytes (default 1 MiB). A longer line fails the read with ResultLineTooLongException instead of being buffered without bound (an object without newlines, e.g. compressed, would otherwise fill the heap).
     */
    public void setResultMaxLineLength(int resultMaxLineLength) {
        this.resultMaxLineLength = resultMaxLineLength;
    }

    public String getObjectStorageEndpoint() {
        return objectStorageEndpoint;
    }

    /**
     * The NCP Object Storage (S3-compatible) endpoint where result files are read, e.g. https://kr.object.ncloudstorage.com (Korea), https://jp.object.ncpstorage.com (Japan).
     */
    public void setObjectStorageEndpoint(String objectStorageEndpoint) {
        this.objectStorageEndpoint = objectStorageEndpoint;
    }

    public String getRegion() {
        return region;
    }

    /**
     * The Object Storage region name used to sign S3 requests, e.g. kr-standard, jp-standard, gov-standard, fin-standard.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getObjectStorageAccessKey() {
        return objectStorageAccessKey;
    }

    /**
     * The Object Storage access key; defaults to accessKey (NCP Object Storage accepts the API keys).
     */
    public void setObjectStorageAccessKey(String objectStorageAccessKey) {
        this.objectStorageAccessKey = objectStorageAccessKey;
    }

    public String getObjectStorageSecretKey() {
        return objectStorageSecretKey;
    }

    /**
     * The Object Storage secret key; defaults to secretKey.
     */
    public void setObjectStorageSecretKey(String objectStorageSecretKey) {
        this.objectStorageSecretKey = objectStorageSecretKey;
    }

    public software.amazon.awssdk.services.s3.S3Client getS3Client() {
        return s3Client;
    }

    /**
     * An S3Client to read results with, instead of one built from the Object Storage options (the component does not close a client it did not build).
     */
    public void setS3Client(software.amazon.awssdk.services.s3.S3Client s3Client) {
        this.s3Client = s3Client;
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    /**
     * How many NCLUE requests per second this JVM sends per access key and endpoint (NCLUE allows 1). All endpoints with the same key share one limiter; the first endpoint started sets the rate.
     */
    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a failed request is retried: connection refusals always; 5xx, resets and timeouts for reads, deletes and NCLUE creates (a resent create meets 409 DUPLICATE_NAME and adopts the job, since names are unique); a DataForest submit is never resent blindly (its unknown outcome is resolved by listing the apps). A 429 (quota exceeded) is retried for every kind of request, up to 4 times this number, since the gateway refused it before NCLUE saw it. 0 disables retries.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The backoff before the first retry (doubles per retry, with jitter). A Retry-After from the server wins when longer.
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The largest backoff between retries.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /**
     * Consumer: how long after its route failed a status change is offered again (default 1 second). The delay doubles with each further failure of the same change, up to maxRedeliveryDelay; other changes are emitted meanwhile, later changes of the same job wait (they stay in order). Each failed attempt is logged once, the stack trace only with the first.
     */
    public void setRedeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public long getMaxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    /**
     * Consumer: the longest delay before a failing status change is offered again (default 5 minutes); see redeliveryDelay.
     */
    public void setMaxRedeliveryDelay(long maxRedeliveryDelay) {
        this.maxRedeliveryDelay = maxRedeliveryDelay;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to the API.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long to wait for an API reply.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /**
     * With create, submit or get: continue the route only when the job has ended (completed or failed; for AI apps a
     * final YARN state), with the final record as the body. The exchange waits without holding a thread; a failed job
     * raises NclueJobFailedException with its fail_message.
     */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    /**
     * How long waitForCompletion waits before raising NclueWaitTimeoutException; the job keeps running and stays
     * tracked, so a consumer still sees it end.
     */
    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public NclueDuplicateNamePolicy getOnDuplicateName() {
        return onDuplicateName;
    }

    /**
     * What a create does when NCLUE answers 409 DUPLICATE_NAME for a job this component did not create: fail, or adopt
     * the existing job of that name. A job the component created itself (a retried, redelivered or replayed create)
     * is always adopted, never created twice.
     */
    public void setOnDuplicateName(NclueDuplicateNamePolicy onDuplicateName) {
        this.onDuplicateName = onDuplicateName;
    }

    public NclueWaitTimeoutPolicy getOnWaitTimeout() {
        return onWaitTimeout;
    }

    /**
     * What waitForCompletion does with the job when waitTimeout passes: detach leaves it running and tracked; cancel deletes it if NCLUE allows it (status registered: the exception says 'cancelled while registered'; a pending or in_progress job cannot be deleted, so it is left running and tracked and the exception says so) and kills an AI app. Either way the exchange fails with NclueWaitTimeoutException. Waits released by a route or context stop are never cancelled.
     */
    public void setOnWaitTimeout(NclueWaitTimeoutPolicy onWaitTimeout) {
        this.onWaitTimeout = onWaitTimeout;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /**
     * With create, submit, delete or kill: validate, look the name up in the ledger and sign the request, then send nothing and write nothing. The body becomes a DryRunRequest (method, URL, JSON body exactly as they would be sent, no credentials; adoptedId when the ledger knows a job of that name, which a real create would adopt) and the header CamelNclueWouldAdopt says whether it would adopt. Reads (get, list, getResult, download) run as usual. Set it on the component (camel.component.nclue.dry-run=true) to see what a whole route set would create.
     */
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getStatuses() {
        return statuses;
    }

    /**
     * The statuses the consumer emits, comma separated (e.g. completed,failed); empty emits every status change.
     */
    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public boolean isWatchAll() {
        return watchAll;
    }

    /**
     * Whether the consumer watches every job of the account (found in the list pages) instead of only the jobs this
     * component created or adopted.
     */
    public void setWatchAll(boolean watchAll) {
        this.watchAll = watchAll;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Where a consumer whose route id the ledger has never seen starts: now (default: only changes from its first
     * start on) or recorded (every change the ledger holds). A consumer the ledger knows resumes where it stopped.
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most status changes one consumer poll emits (default 100); the rest follow on the next polls. 0 or less for
     * no limit.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    /** The Object Storage access key in effect: objectStorageAccessKey, else accessKey. */
    public String effectiveObjectStorageAccessKey() {
        return objectStorageAccessKey != null ? objectStorageAccessKey : accessKey;
    }

    /** The Object Storage secret key in effect: objectStorageSecretKey, else secretKey. */
    public String effectiveObjectStorageSecretKey() {
        return objectStorageSecretKey != null ? objectStorageSecretKey : secretKey;
    }

    /** The options (and the component's statusPollDelay) whose text must be a number or a duration. */
    static final List<String> NUMBER_OPTIONS = List.of("index", "limit", "resultBatchSize", "maxRetries",
            "maxMessagesPerPoll", "retryInitialDelay", "retryMaxDelay", "connectTimeout", "requestTimeout",
            "waitTimeout", "requestsPerSecond", "statusPollDelay", "ledgerRetention");
    private static final Set<String> INTEGER_OPTIONS = Set.of("index", "limit", "resultbatchsize", "maxretries",
            "maxmessagesperpoll");
    private static final Set<String> DURATION_OPTIONS = Set.of("retryinitialdelay", "retrymaxdelay", "connecttimeout",
            "requesttimeout", "waittimeout", "statuspolldelay", "ledgerretention");
    private static final Set<String> DECIMAL_OPTIONS = Set.of("requestspersecond");
    /** What Camel reads as a duration: milliseconds, ISO-8601 (PT5M) or units such as 2h, 1m30s, 500ms. */
    private static final Pattern DURATION = Pattern.compile(
            "\\d+|P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?"
                                                            + "|(?:\\d+\\s*(?:ms|millis|milliseconds?|s|secs?|seconds?|m|mins?"
                                                            + "|minutes?|h|hours?|d|days?)\\s*)+",
            Pattern.CASE_INSENSITIVE);

    /**
     * Refuses a number or duration option whose text is not one; Camel would bind it as 0. The keys are endpoint
     * parameters ({@code maxRetries}) or component properties ({@code camel.component.nclue.max-retries}); a value
     * with an unresolved placeholder is skipped.
     */
    static void checkNumberTexts(Map<String, ?> parameters) {
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            if (!(parameter.getValue() instanceof String text) || text.startsWith("#") || text.contains("{{")) {
                continue;
            }
            String option = parameter.getKey();
            // an endpoint parameter (maxRetries) or a property (camel.component.nclue.max-retries)
            String key = option.substring(option.lastIndexOf('.') + 1).replace("-", "").toLowerCase(Locale.ROOT);
            String value = text.strip();
            if (INTEGER_OPTIONS.contains(key) && !value.matches("[+-]?\\d+")) {
                throw optionError(option, "must be a whole number but was '" + text + "'");
            }
            if (DURATION_OPTIONS.contains(key) && !DURATION.matcher(value).matches()) {
                throw optionError(option, "must be a duration (milliseconds, or e.g. 30s, 5m, 2h, PT10M) but was '"
                                          + text + "'");
            }
            if (DECIMAL_OPTIONS.contains(key)) {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw optionError(option, "must be a number but was '" + text + "'");
                }
            }
        }
    }

    /** Refuses option values that cannot work: when an endpoint is created, not when its first message fails. */
    void validate() {
        if (index < 0) {
            throw optionError("index", "must be 0 or more but was " + index);
        }
        if (limit < 1 || limit > 100) {
            throw optionError("limit", "must be 1 to 100 but was " + limit);
        }
        if (resultBatchSize < 1) {
            throw optionError("resultBatchSize", "must be 1 or more but was " + resultBatchSize);
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw optionError("requestsPerSecond", "must be more than 0 but was " + requestsPerSecond);
        }
        if (maxRetries < 0) {
            throw optionError("maxRetries", "must be 0 or more but was " + maxRetries);
        }
        if (retryInitialDelay < 0) {
            throw optionError("retryInitialDelay", "must be 0 ms or more but was " + retryInitialDelay);
        }
        if (retryMaxDelay < retryInitialDelay) {
            throw optionError("retryMaxDelay", "must be at least retryInitialDelay (" + retryInitialDelay
                                               + " ms) but was " + retryMaxDelay);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("waitTimeout", waitTimeout);
    }

    private static void requirePositive(String option, long millis) {
        if (millis <= 0) {
            throw optionError(option, "must be more than 0 ms but was " + millis);
        }
    }

    private static NclueValidationException optionError(String option, String rule) {
        return new NclueValidationException(option, rule, "option " + option + " " + rule);
    }

    public NclueConfiguration copy() {
        try {
            return (NclueConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
