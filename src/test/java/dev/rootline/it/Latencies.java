package dev.rootline.it;

import java.util.ArrayList;
import java.util.List;

/** Latencies a benchmark measured, summarised as percentiles. */
final class Latencies {

    private final List<Long> micros = new ArrayList<>();

    void add(long nanos) {
        micros.add(nanos / 1000);
    }

    /** e.g. "p50 23.3 ms, p90 45.5 ms, p99 60.0 ms, max 116.2 ms over 500". */
    String summary() {
        List<Long> sorted = micros.stream().sorted().toList();
        return "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms over %d"
                .formatted(
                        at(sorted, 0.50),
                        at(sorted, 0.90),
                        at(sorted, 0.99),
                        sorted.get(sorted.size() - 1) / 1000.0,
                        sorted.size());
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
    }
}
