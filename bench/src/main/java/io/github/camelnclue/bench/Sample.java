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
package io.github.camelnclue.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Order statistics of a sample (nearest-rank percentiles).
 */
public final class Sample {

    private final List<Double> sorted;

    public Sample(Collection<Double> values) {
        this.sorted = new ArrayList<>(values);
        this.sorted.sort(Double::compare);
    }

    public int size() {
        return sorted.size();
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]; NaN for an empty sample. */
    public double percentile(double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public double median() {
        return percentile(50);
    }

    public double min() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(0);
    }

    public double max() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    public double mean() {
        return sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
