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

import io.github.camelnclue.model.JobKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scope the ledgers store: the base URL and a hash of the account, the same before and after a migration. */
class AccountScopeTest {

    private static final String API = "https://nclue.apigw.ntruss.com";
    private static final String KEY = "ACCESS_KEY_OF_THE_ACCOUNT";

    @Test
    void aScopeIsTheBaseUrlAndAHashWithoutTheKey() {
        String scope = AccountScope.of(API, KEY);

        assertTrue(scope.matches("https://nclue\\.apigw\\.ntruss\\.com\\|sha256:[0-9a-f]{32}"), scope);
        assertFalse(scope.contains(KEY), scope);
        assertEquals(API, AccountScope.api(scope));
        assertFalse(AccountScope.of(API, "OTHER_KEY").equals(scope), "one scope per key");
        assertFalse(AccountScope.of("https://other.example.com", KEY).equals(scope), "and per base URL");
    }

    @Test
    void aPlainScopeMigratesToTheScopeOfItsAccountOnce() {
        String plain = API + "|" + KEY;

        assertEquals(AccountScope.of(API, KEY), AccountScope.migrated(plain));
        assertEquals(AccountScope.of(API, KEY), AccountScope.migrated(AccountScope.of(API, KEY)), "hashed already");
        assertEquals("*", AccountScope.migrated("*"), "no account: as it is");
        assertEquals("https://ü.example.com|sha256:", AccountScope.migrated("https://ü.example.com|kéy")
                .substring(0, "https://ü.example.com|sha256:".length()));
    }

    @Test
    void namespacesAndTheQuotaKeyStayWhatTheyWereBeforeScopesWereHashed() {
        String plain = API + "|" + KEY;
        String scope = AccountScope.of(API, KEY);

        // NclueRuntime names the shared quota by the hash of "<base URL>|<access key>"
        assertEquals(JobLeadership.accountHash(plain), JobLeadership.accountHash(scope));
        assertEquals(scope.substring(scope.length() - 32, scope.length() - 16), JobLeadership.accountHash(scope));
        assertEquals(JobLeadership.namespace(plain, JobKind.TASK_RUNS),
                JobLeadership.namespace(scope, JobKind.TASK_RUNS));
    }
}
