package org.cityvitals.launcher.cluster;

import java.util.List;

/**
 * One measured figure of {@code bench}: the runs' values, their median, and the goal it is compared with.
 *
 * @param higherIsBetter throughput (true) or latency and memory (false), to say whether the goal is met
 */
record Figure(String bench, String name, String unit, List<Double> runs, Double goal, boolean higherIsBetter,
              String note) {

    Double median() {
        if (runs.isEmpty()) {
            return null;
        }
        List<Double> sorted = runs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** "met", "NOT met", or "" when there is no goal or no value. */
    String verdict() {
        Double m = median();
        if (goal == null || m == null) {
            return "";
        }
        return (higherIsBetter ? m >= goal : m <= goal) ? "met" : "NOT met";
    }
}
