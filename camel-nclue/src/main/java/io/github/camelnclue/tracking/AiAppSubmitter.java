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
package io.github.camelnclue.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnclue.client.DataForestClient;
import io.github.camelnclue.client.RetryPolicy;
import io.github.camelnclue.exception.NclueSubmitOutcomeException;
import io.github.camelnclue.model.AiApp;
import io.github.camelnclue.model.JobKind;
import io.github.camelnclue.model.SubmitAiAppRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a DataForest AI app at most once per idempotency key. DataForest names an app {@code {namePrefix}-{random}},
 * so, unlike an NCLUE create, a resent submit is not caught by a unique name; instead:
 * <ul>
 * <li>the submit intent is recorded in the ledger under {@code submit:{key}} before the request, and the app's id
 * under the same name once known: a redelivered exchange (same key) adopts the recorded app;</li>
 * <li>a submit whose outcome is unknown (no reply, a timeout, a 5xx after the request was sent) is resolved by listing
 * the account's AI apps: those named {@code {namePrefix}-...} that started since the attempt and that the ledger does
 * not know. One is adopted; none, in two looks at least the request timeout apart (a slow server may still be
 * starting it), means the submit did not happen, and it is sent again (within the retry budget);
 * several fail with {@link NclueSubmitOutcomeException}, naming them, rather than guessing.</li>
 * </ul>
 * An intent whose outcome stays unknown is kept, so the next delivery of the same key resolves it again.
 */
public final class AiAppSubmitter {

    /** The ledger name prefix of a submit's key. */
    public static final String KEY_PREFIX = "submit:";
    /** An app started this long before an attempt still counts as its own: DataForest's clock may lag this one's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(AiAppSubmitter.class);

    private final JobLedger ledger;
    private final ObjectMapper mapper;
    private final DataForestClient client;
    private final RetryPolicy retryPolicy;
    private final Duration settle;
    private final Clock clock;

    /**
     * @param settle how long a submit that timed out may still take effect on the server: when the first look finds no
     *               app, the apps are listed once more after this long before the submit is sent again (use the
     *               request timeout)
     */
    public AiAppSubmitter(JobLedger ledger, ObjectMapper mapper, DataForestClient client, RetryPolicy retryPolicy,
                          Duration settle) {
        this(ledger, mapper, client, retryPolicy, settle, Clock.systemUTC());
    }

    AiAppSubmitter(JobLedger ledger, ObjectMapper mapper, DataForestClient client, RetryPolicy retryPolicy,
                   Duration settle, Clock clock) {
        this.ledger = ledger;
        this.mapper = mapper;
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.settle = settle;
        this.clock = clock;
    }

    /**
     * Submits {@code request} unless the submit of {@code key} happened already.
     *
     * @param accountId the DataForest account whose apps are listed when an outcome is unknown, or null (then such a
     *                  submit fails with {@link NclueSubmitOutcomeException} instead of risking a second app)
     */
    public CompletableFuture<AiApp> submit(String scope, String key, SubmitAiAppRequest request, String accountId) {
        String name = KEY_PREFIX + key;
        Optional<TrackedJob> known = ledger.findByName(scope, JobKind.AI_APPS, name);
        if (known.isPresent() && !known.get().isIntent()) {
            LOG.info("AI app submit {} was already made as {}: adopting it instead of submitting again", key,
                    known.get().id());
            return client.getDetail(known.get().id());
        }
        if (known.isPresent()) {
            LOG.info("AI app submit {} was attempted at {} with no known outcome: looking for its app", key,
                    known.get().createdAt());
            return resolve(scope, name, request, accountId, known.get().createdAt(), 0, null, false);
        }
        ledger.recordIntent(scope, JobKind.AI_APPS, name);
        Instant since = ledger.findByName(scope, JobKind.AI_APPS, name).map(TrackedJob::createdAt)
                .orElse(clock.instant());
        return attempt(scope, name, request, accountId, since, 0);
    }

    private CompletableFuture<AiApp> attempt(
            String scope, String name, SubmitAiAppRequest request, String accountId, Instant since, int resends) {
        return send(request).thenApply(app -> record(scope, name, app)).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (RetryPolicy.outcomeUnknown(cause)) {
                LOG.info("AI app submit {} failed with an unknown outcome ({}): looking for its app",
                        name.substring(KEY_PREFIX.length()), cause.getMessage());
                return resolve(scope, name, request, accountId, since, resends, cause, false);
            }
            // refused (4xx, connection refused, invalid): no app was started
            ledger.forgetIntent(scope, JobKind.AI_APPS, name);
            return CompletableFuture.failedFuture(cause);
        });
    }

    /**
     * @param confirmed an earlier look, at least {@code settle} ago, found no app either
     */
    private CompletableFuture<AiApp> resolve(
            String scope, String name, SubmitAiAppRequest request, String accountId, Instant since, int resends,
            Throwable cause, boolean confirmed) {
        String prefix = request.namePrefix();
        if (accountId == null) {
            return CompletableFuture.failedFuture(new NclueSubmitOutcomeException(
                    "AI app submit " + key(name) + " (namePrefix " + prefix + ") has an unknown outcome and was not "
                                                                      + "sent again: set accountId so the component "
                                                                      + "can look for the app it may have started",
                    prefix, List.of(), cause));
        }
        return client.list(accountId).exceptionallyCompose(listFailure -> CompletableFuture.failedFuture(
                new NclueSubmitOutcomeException("AI app submit " + key(name) + " (namePrefix " + prefix
                                                + ") has an unknown outcome and the AI apps could not be listed ("
                                                + unwrap(listFailure).getMessage() + "); it was not sent again, and "
                                                + "a redelivery looks again", prefix, List.of(),
                        cause != null ? cause : unwrap(listFailure))))
                .thenCompose(list -> {
                    List<AiApp> candidates = list.contents().stream()
                            .filter(app -> app.name() != null && app.name().startsWith(prefix + "-"))
                            .filter(app -> startedSince(app, since.minus(CLOCK_SKEW)))
                            .filter(app -> app.id() != null
                                           && ledger.findById(scope, JobKind.AI_APPS, app.id()).isEmpty())
                            .toList();
                    if (candidates.size() == 1) {
                        AiApp app = candidates.get(0);
                        LOG.info("AI app submit {}: adopting {} ({}), the one app of prefix {} started since {}",
                                key(name), app.id(), app.name(), prefix, since);
                        return CompletableFuture.completedFuture(record(scope, name, app));
                    }
                    if (candidates.size() > 1) {
                        List<String> ids = candidates.stream().map(AiApp::id).toList();
                        return CompletableFuture.failedFuture(new NclueSubmitOutcomeException(
                                "AI app submit " + key(name) + " has an unknown outcome and " + ids.size()
                                                                                + " AI apps of prefix " + prefix
                                                                                + " started since " + since + ": "
                                                                                + ids + "; none was adopted and "
                                                                                + "nothing was sent again",
                                prefix, ids, cause));
                    }
                    if (!confirmed) {
                        // a slow server may still be starting it: look once more before deciding it did not happen
                        long wait = Math.max(settle.toMillis(), retryPolicy.delay(resends + 1, null).toMillis());
                        LOG.info("AI app submit {}: no app of prefix {} started since {} yet; looking again in {} ms",
                                key(name), prefix, since, wait);
                        return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> resolve(scope, name, request, accountId, since, resends,
                                        cause, true));
                    }
                    if (resends >= retryPolicy.maxRetries()) {
                        return CompletableFuture.failedFuture(cause != null ? cause
                                : new NclueSubmitOutcomeException("AI app submit " + key(name)
                                                                  + " started no app and the retries are spent",
                                        prefix, List.of(), null));
                    }
                    Duration delay = retryPolicy.delay(resends + 1, null);
                    LOG.info("AI app submit {}: no app of prefix {} started since {}, so it did not happen; "
                             + "sending it again in {} ms", key(name), prefix, since, delay.toMillis());
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(scope, name, request, accountId, since, resends + 1));
                });
    }

    private CompletableFuture<AiApp> send(SubmitAiAppRequest request) {
        try {
            return client.submit(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private AiApp record(String scope, String name, AiApp app) {
        ledger.recordJob(scope, JobKind.AI_APPS, name, app.id(), json(app));
        return app;
    }

    /** Started at or after {@code notBefore}; an app without a readable start time counts, to be safe. */
    private static boolean startedSince(AiApp app, Instant notBefore) {
        if (app.startedAt() == null) {
            return true;
        }
        try {
            return !OffsetDateTime.parse(app.startedAt()).toInstant().isBefore(notBefore);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static String key(String name) {
        return name.substring(KEY_PREFIX.length());
    }

    private String json(AiApp app) {
        try {
            return mapper.writeValueAsString(app);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
