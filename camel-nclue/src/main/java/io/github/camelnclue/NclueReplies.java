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

import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.model.AiAppList;
import io.github.camelnclue.model.AiWorkspaceList;
import io.github.camelnclue.model.CustomAttributes;
import io.github.camelnclue.model.DryRunRequest;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.JobPage;
import io.github.camelnclue.model.NclueJob;
import io.github.camelnclue.model.ShoppingIntent;
import io.github.camelnclue.model.TaskRun;
import org.apache.camel.Message;

/**
 * Puts a reply into the message: the record as the body, its id and status as headers.
 */
final class NclueReplies {

    private NclueReplies() {
    }

    static void apply(Message message, Object reply) {
        message.setBody(reply);
        if (reply instanceof NclueJob job) {
            applyJob(message, job);
        } else if (reply instanceof JobPage<?> page) {
            message.setHeader(NclueConstants.TOTAL, page.total());
        } else if (reply instanceof AiAppList list) {
            message.setHeader(NclueConstants.TOTAL, list.contents().size());
        } else if (reply instanceof AiWorkspaceList list) {
            message.setHeader(NclueConstants.TOTAL, list.contents().size());
        } else if (reply instanceof DryRunRequest dryRun) {
            message.setHeader(NclueConstants.WOULD_ADOPT, dryRun.wouldAdopt());
        }
    }

    static void applyJob(Message message, NclueJob job) {
        setOrRemove(message, idHeader(kindOf(job)), job.id());
        setOrRemove(message, NclueConstants.JOB_NAME, job.name());
        setOrRemove(message, NclueConstants.STATUS, job.status());
        setOrRemove(message, NclueConstants.FAIL_MESSAGE, job.failMessage());
        if (job instanceof TaskRun run) {
            setOrRemove(message, NclueConstants.TASK_ID, run.taskId());
            setOrRemove(message, NclueConstants.FEATURE_ID, run.featureId());
        } else if (job instanceof CustomAttributes profile) {
            setOrRemove(message, NclueConstants.FEATURE_ID, profile.featureId());
        } else if (job instanceof ShoppingIntent profile) {
            setOrRemove(message, NclueConstants.TASK_ID, profile.taskId());
        } else if (job instanceof AiApp app) {
            setOrRemove(message, NclueConstants.FINAL_STATUS, app.finalStatus());
        }
    }

    static JobKind kindOf(NclueJob job) {
        for (JobKind kind : JobKind.values()) {
            if (kind.recordType().isInstance(job)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a job record: " + job.getClass().getName());
    }

    static String idHeader(JobKind kind) {
        return switch (kind) {
            case FEATURES -> NclueConstants.FEATURE_ID;
            case TASKS -> NclueConstants.TASK_ID;
            case TASK_RUNS -> NclueConstants.RUN_ID;
            case AI_APPS -> NclueConstants.AI_APP_ID;
            case CUSTOM_ATTRIBUTES, SHOPPING_INTENTS -> NclueConstants.PROFILE_ID;
        };
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }
}
