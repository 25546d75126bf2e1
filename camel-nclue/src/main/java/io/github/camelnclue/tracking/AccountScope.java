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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The scope of a job: the account it belongs to, as the ledgers store it. The form is
 * {@code <API base URL>|sha256:<32 hex digits>}, the digits being the first half of SHA-256 of
 * {@code <API base URL>|<access key>} (UTF-8), e.g. {@code https://nclue.apigw.ntruss.com|sha256:3f2a…}: the access
 * key never appears in a ledger, and one account has one scope on every instance.
 * <p>
 * Ledgers written before scopes were hashed stored {@code <API base URL>|<access key>}; {@link #migrated(String)} turns
 * such a plain scope into this form (the file ledger on load, the PostgreSQL ledger in schema version 5 with the same
 * hash). The {@link #accountHash(String) account hash} of cluster namespaces and of the shared quota is the first 16
 * of the 32 digits, so it is the same for a plain scope and its migrated form, and as it was before scopes were
 * hashed.
 */
public final class AccountScope {

    /** Between the base URL and the digits of a hashed scope; a plain (old) scope has the access key after its |. */
    static final String MARKER = "|sha256:";
    static final int SCOPE_HEX_DIGITS = 32;
    private static final int ACCOUNT_HASH_HEX_DIGITS = 16;

    private AccountScope() {
    }

    /** The scope of the account of {@code accessKey} at {@code baseUrl}. */
    public static String of(String baseUrl, String accessKey) {
        return hashed(baseUrl, baseUrl + "|" + accessKey);
    }

    /** The API base URL of a scope, plain or hashed: what is before its last {@code |}. */
    public static String api(String scope) {
        int bar = scope.lastIndexOf('|');
        return bar < 0 ? scope : scope.substring(0, bar);
    }

    /**
     * A stable hash of an account that does not reveal the key (16 hex digits), for names that must be short: the
     * start of a hashed scope's digits, or the same digits computed from a plain {@code <base URL>|<access key>}.
     */
    public static String accountHash(String scope) {
        if (!isHashed(scope)) {
            return sha256Hex(scope, ACCOUNT_HASH_HEX_DIGITS);
        }
        int digits = scope.lastIndexOf(MARKER) + MARKER.length();
        return scope.substring(digits, digits + ACCOUNT_HASH_HEX_DIGITS);
    }

    /**
     * The hashed form of a scope the ledgers stored before scopes were hashed ({@code <base URL>|<access key>});
     * a hashed scope, or one without a {@code |} (no account), is returned as it is.
     * {@link LedgerSql#hashedScope(String)} computes the same in SQL.
     */
    static String migrated(String scope) {
        if (isHashed(scope) || scope.indexOf('|') < 0) {
            return scope;
        }
        return hashed(api(scope), scope);
    }

    private static String hashed(String baseUrl, String plainScope) {
        return baseUrl + MARKER + sha256Hex(plainScope, SCOPE_HEX_DIGITS);
    }

    private static boolean isHashed(String scope) {
        return scope.contains(MARKER);
    }

    private static String sha256Hex(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, hexDigits / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
