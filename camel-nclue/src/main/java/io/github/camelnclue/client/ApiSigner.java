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
package io.github.camelnclue.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NCP API Gateway signature v2: Base64(HMAC-SHA256(secretKey, METHOD + " " + pathWithQuery + "\n" + timestamp + "\n"
 * + accessKey)), where pathWithQuery is the raw path and query exactly as sent, e.g. {@code /api/v1/tasks?limit=20}.
 */
public final class ApiSigner {

    public static final String TIMESTAMP_HEADER = "x-ncp-apigw-timestamp";
    public static final String ACCESS_KEY_HEADER = "x-ncp-iam-access-key";
    public static final String SIGNATURE_HEADER = "x-ncp-apigw-signature-v2";

    private static final String ALGORITHM = "HmacSHA256";

    private ApiSigner() {
    }

    /**
     * Signs one request.
     *
     * @param  method        the HTTP method, upper case
     * @param  pathWithQuery the raw path with its raw query, without scheme and host
     * @param  timestamp     epoch milliseconds, the same string as sent in {@value #TIMESTAMP_HEADER}
     * @param  credentials   the key pair
     * @return               the value of {@value #SIGNATURE_HEADER}
     */
    public static String sign(String method, String pathWithQuery, String timestamp, ApiCredentials credentials) {
        String stringToSign = method + " " + pathWithQuery + "\n" + timestamp + "\n" + credentials.accessKey();
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(credentials.secretKey().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
