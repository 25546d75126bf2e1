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
package io.github.camelnclue.emulator;

import java.util.Random;

import io.github.camelnclue.emulator.storage.EmulatorObjectStorage;

/**
 * Demo inputs in Object Storage that make a complete feature → task → task run chain succeed: bucket
 * {@value #BUCKET} with a feature source of {@value #USERS} users and train/test label files over users of it,
 * each with enough users of both labels (at least 100 per label, see nclue-troubleshoot).
 * <p>
 * The same inputs serve the profiles: a custom attributes profile needs the feature, a keyword set
 * ({@link #KEYWORD_SET}, the demo's token categories) and a result path ({@link #PROFILE_RESULT_PREFIX}); a shopping
 * intents profile needs only the task.
 */
public final class DemoData {

    public static final String BUCKET = "nclue-demo";
    public static final String FEATURE_KEY = "features/users.tsv";
    public static final String TRAIN_LABEL_KEY = "labels/train.tsv";
    public static final String TEST_LABEL_KEY = "labels/test.tsv";
    /** Prefix to use as a task run's {@code result_file_path} (a directory: results are named nclue_*.tsv). */
    public static final String RESULT_PREFIX = "results/";
    /** A custom attributes profile's {@code keyword_set}: three of the categories the demo users' tokens come from. */
    public static final String KEYWORD_SET = "pet\nfood\ntravel";
    /** Prefix to use as a custom attributes profile's {@code result_file_path}. */
    public static final String PROFILE_RESULT_PREFIX = "profiles/";
    public static final int USERS = 1000;
    static final int TRAIN_USERS = 400;
    static final int TEST_USERS = 200;

    private static final String[] CATEGORIES = { "pet", "food", "fashion", "beauty", "sports", "books", "travel",
            "digital", "kids", "home" };

    /** What {@link #seed} created. */
    public record Seeded(String bucket, String featureKey, String trainLabelKey, String testLabelKey,
                         String resultPrefix, int users, int trainLabels, int testLabels) {
    }

    private DemoData() {
    }

    /** Creates (or overwrites) the demo bucket and objects. */
    public static Seeded seed(NclueEmulator emulator) {
        EmulatorObjectStorage storage = emulator.objectStorage();
        storage.createBucket(BUCKET);
        storage.putObject(BUCKET, FEATURE_KEY, features());
        storage.putObject(BUCKET, TRAIN_LABEL_KEY, labels(1, TRAIN_USERS));
        storage.putObject(BUCKET, TEST_LABEL_KEY, labels(TRAIN_USERS + 1, TEST_USERS));
        return new Seeded(BUCKET, FEATURE_KEY, TRAIN_LABEL_KEY, TEST_LABEL_KEY, RESULT_PREFIX, USERS, TRAIN_USERS,
                TEST_USERS);
    }

    static String userId(int n) {
        return String.format("user%05d", n);
    }

    /** {@code user_id\t<space separated tokens>}, deterministic. */
    static String features() {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(USERS * 80);
        for (int u = 1; u <= USERS; u++) {
            sb.append(userId(u)).append('\t');
            int tokens = 3 + random.nextInt(10);
            for (int t = 0; t < tokens; t++) {
                if (t > 0) {
                    sb.append(' ');
                }
                sb.append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append('_').append(random.nextInt(500));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * A label file's content for {@code count} demo users from {@code firstUser} on: {@code user_id\tlabel},
     * alternating 0/1 so each label gets half of the users (for tests that need label sets of other sizes).
     */
    public static String labels(int firstUser, int count) {
        StringBuilder sb = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++) {
            sb.append(userId(firstUser + i)).append('\t').append(i % 2).append('\n');
        }
        return sb.toString();
    }
}
