package org.svp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the per-run reports of {@code svp bench x11 --json} into the top-level summary: numbers become
 * their median over the runs (nulls and NaN left out), booleans true only if true in every run, anything
 * else (strings, lists) is the first run's. Pure function, any thread.
 */
final class BenchJsonMerge {
    private BenchJsonMerge() {
    }

    /**
     * @param runs one report per run, all of the same shape
     * @return the summary
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> median(List<Map<String, Object>> runs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        for (String key : runs.getFirst().keySet()) {
            List<Object> values = new ArrayList<>();
            runs.forEach(r -> values.add(r.get(key)));
            Object first = values.getFirst();
            if (values.stream().filter(Objects::nonNull).allMatch(v -> v instanceof Map) && first instanceof Map) {
                out.put(key, median(values.stream().map(v -> (Map<String, Object>) v).toList()));
            } else if (values.stream().filter(Objects::nonNull).allMatch(v -> v instanceof Number)
                    && values.stream().anyMatch(Objects::nonNull)) {
                double[] d = values.stream().filter(Objects::nonNull).mapToDouble(v -> ((Number) v).doubleValue())
                        .filter(x -> !Double.isNaN(x)).sorted().toArray();
                Object median;
                if (d.length == 0) {
                    median = null;
                } else if (first instanceof Double || first instanceof Float) {
                    median = med(d);
                } else {
                    median = Math.round(med(d)); // whole numbers stay whole (a ternary would make them double)
                }
                out.put(key, median);
            } else if (first instanceof Boolean) {
                out.put(key, values.stream().allMatch(Boolean.TRUE::equals));
            } else {
                out.put(key, first);
            }
        }
        return out;
    }

    private static double med(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
