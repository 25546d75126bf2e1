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
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks the signature v2 headers of a request the way the API Gateway does: all three headers present, a known
 * access key, a timestamp within {@code maxSkew} of the gateway clock and a matching signature.
 */
public final class SignatureVerifier {

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;
    private final Duration maxSkew;

    public SignatureVerifier(Map<String, String> secretsByAccessKey, Clock clock, Duration maxSkew) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /**
     * @param  header       looks up a request header case-insensitively
     * @return              the authenticated access key
     * @throws ApiException 401 with the gateway body
     */
    String verify(String method, String uri, Function<String, String> header) {
        String timestamp = header.apply(SignatureV2.TIMESTAMP_HEADER);
        String accessKey = header.apply(SignatureV2.ACCESS_KEY_HEADER);
        String signature = header.apply(SignatureV2.SIGNATURE_HEADER);
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            throw GatewayErrors.unauthorized(GatewayErrors.MISSING_AUTH);
        }
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null || !withinSkew(timestamp)) {
            throw GatewayErrors.unauthorized(GatewayErrors.INVALID_AUTH);
        }
        String expected = SignatureV2.sign(method, uri, timestamp, accessKey, secret);
        // constant-time comparison: the emulator should not teach clients to rely on timing
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw GatewayErrors.unauthorized(GatewayErrors.INVALID_AUTH);
        }
        return accessKey;
    }

    private boolean withinSkew(String timestamp) {
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return Math.abs(clock.millis() - millis) <= maxSkew.toMillis();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
