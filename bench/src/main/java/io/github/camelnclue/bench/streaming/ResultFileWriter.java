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
package io.github.camelnclue.bench.streaming;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a realistic NCLUE result TSV: 17 tab-separated columns, about 178 bytes per line, some columns in Korean,
 * deterministic for a given line count.
 */
public final class ResultFileWriter {

    public static final int COLUMNS = 17;

    private static final String[] CATEGORIES = { "반려동물", "식품", "패션의류", "뷰티", "스포츠", "도서", "여행", "디지털가전",
        "유아동", "생활용품" };
    private static final String[] REGIONS = { "서울특별시", "부산광역시", "인천광역시", "대구광역시", "경기도", "강원특별자치도",
        "제주특별자치도", "광주광역시" };
    private static final String[] MEMOS = { "재구매 가능성 높음", "신규 고객", "휴면 전환 주의", "쿠폰 반응 우수", "장바구니 이탈" };
    private static final String[] TOKENS = { "pet", "food", "fashion", "beauty", "sports", "books", "travel", "digital",
        "kids", "home" };
    private static final String[] DEVICES = { "android", "ios", "pc_web", "mobile_web" };
    private static final String[] CHANNELS = { "app_push", "email", "sms", "kakao_talk", "banner" };

    private ResultFileWriter() {
    }

    public static void write(Path file, long lines) throws IOException {
        SplittableRandom random = new SplittableRandom(20261122L);
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long n = 1; n <= lines; n++) {
                line.setLength(0);
                line.append("user-").append(padded(n, 7)).append('\t')
                        .append("0.").append(padded(random.nextInt(1_000_000), 6)).append('\t')
                        .append(n).append('\t')
                        .append("seg_").append(random.nextInt(10, 100)).append('\t')
                        .append(pick(CATEGORIES, random)).append('\t')
                        .append(random.nextInt(2, 7) * 10).append("-").append(random.nextInt(2, 7) * 10 + 9).append('\t')
                        .append(random.nextBoolean() ? 'F' : 'M').append('\t')
                        .append(pick(REGIONS, random)).append('\t')
                        .append("2026-").append(10 + random.nextInt(2)).append('-').append(10 + random.nextInt(18))
                        .append('\t')
                        .append(random.nextInt(0, 500)).append('\t')
                        .append(random.nextInt(0, 9_999_999) / 100.0).append('\t')
                        .append(pick(DEVICES, random)).append('\t')
                        .append(pick(CHANNELS, random)).append('\t')
                        .append("c").append(1000 + random.nextInt(9000)).append('\t');
                int tokens = 1 + random.nextInt(3);
                for (int t = 0; t < tokens; t++) {
                    line.append(t == 0 ? "" : " ").append(pick(TOKENS, random)).append('_').append(random.nextInt(500));
                }
                line.append('\t').append(pick(MEMOS, random)).append('\t')
                        .append("2026-11-22T").append(10 + random.nextInt(10)).append(":00:00").append('\n');
                out.append(line);
            }
        }
    }

    private static String padded(long value, int width) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
