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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NCP API Gateway signature v2 (docs/ncp-api.md §1.1): {@code Base64(HMAC-SHA256(secret, METHOD + " " + URI + "\n" +
 * TIMESTAMP + "\n" + ACCESS_KEY))}, where URI is the raw path plus {@code ?rawQuery} when present.
 * <p>
 * Public so that tests and scripts can sign requests to the emulator without the Camel component.
 */
public final class SignatureV2 {

    public static final String TIMESTAMP_HEADER = "x-ncp-apigw-timestamp";
    public static final String ACCESS_KEY_HEADER = "x-ncp-iam-access-key";
    public static final String SIGNATURE_HEADER = "x-ncp-apigw-signature-v2";

    private SignatureV2() {
    }

    public static String sign(String method, String uri, String timestamp, String accessKey, String secretKey) {
        String stringToSign = method + " " + uri + "\n" + timestamp + "\n" + accessKey;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 not available", e);
        }
    }

    /** The URI part of the string to sign: raw path, plus {@code ?} and the raw query when there is one. */
    public static String uri(String rawPath, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
