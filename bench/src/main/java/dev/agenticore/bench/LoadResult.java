package dev.agenticore.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latencies and throughput of one load run.
 *
 * @param requests completed requests
 * @param errors requests that failed or got an unexpected status
 * @param seconds length of the run
 * @param latenciesNanos every request's latency, sorted
 */
record LoadResult(long requests, long errors, double seconds, List<Long> latenciesNanos) {

    static LoadResult of(long errors, double seconds, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new LoadResult(sorted.size(), errors, seconds, sorted);
    }

    double perSecond() {
        return requests / seconds;
    }

    double percentileMillis(double percentile) {
        if (latenciesNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(latenciesNanos.size() - 1, Math.ceil(percentile / 100 * latenciesNanos.size()) - 1);
        return latenciesNanos.get(Math.max(index, 0)) / 1e6;
    }
}
