package org.cityvitals.jobs.window;

import java.util.Arrays;

/**
 * A sum of doubles that does not depend on the order of its terms: the exact sum, held as Shewchuk's non-overlapping
 * partials, rounded once when read (the algorithm of Python's {@code math.fsum}).
 *
 * <p>Why not {@code sum += x}: samples of one window arrive from several Kafka partitions and panes merge in state
 * order, both of which differ between two runs over the same input. Rounding after every addition then gives a
 * value whose last bits depend on that order, and a replay of the same history would store different values. Exact
 * partials cost one or two doubles for ordinary data and a short loop per term.
 *
 * <p>Terms must be finite (readings are: {@code Reading} refuses anything else). A plain mutable class with public
 * fields so that Flink serialises it as a POJO.
 */
public class ExactSum {

    /** Non-overlapping, in increasing magnitude; only the first {@link #size} are in use. */
    public double[] partials = new double[2];
    public int size;

    public void add(double x) {
        int kept = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, partials.length * 2);
        }
        partials[kept] = x;
        size = kept + 1;
    }

    /** Adds every term {@code other} holds; {@code other} is left as it was. */
    public void addAll(ExactSum other) {
        for (int i = 0; i < other.size; i++) {
            add(other.partials[i]);
        }
    }

    /** The exact sum rounded to the nearest double, ties to even. */
    public double value() {
        if (size == 0) {
            return 0.0;
        }
        int n = size - 1;
        double hi = partials[n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // hi + lo is exact, but what lies below lo may push a halfway case of hi + lo to the other side
        if (n > 0 && (lo < 0 && partials[n - 1] < 0 || lo > 0 && partials[n - 1] > 0)) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }
}
