package org.cityvitals.jobs.health;

import org.cityvitals.indicators.level.Level;

import java.util.Arrays;

/**
 * The levels one series reported, by window end, as far back as a correction can still change a scored minute. A
 * POJO of arrays for Flink state: {@code ends} ascending, {@code levels} the matching {@link Level} ordinals.
 */
public class LevelHistory {
    public long[] ends = new long[0];
    public byte[] levels = new byte[0];

    /** Records (or replaces, for a corrected window) the level as of {@code windowEnd}. */
    void put(long windowEnd, Level level) {
        int at = Arrays.binarySearch(ends, windowEnd);
        if (at >= 0) {
            levels[at] = (byte) level.ordinal();
            return;
        }
        int insert = -at - 1;
        long[] e = new long[ends.length + 1];
        byte[] l = new byte[levels.length + 1];
        System.arraycopy(ends, 0, e, 0, insert);
        System.arraycopy(levels, 0, l, 0, insert);
        e[insert] = windowEnd;
        l[insert] = (byte) level.ordinal();
        System.arraycopy(ends, insert, e, insert + 1, ends.length - insert);
        System.arraycopy(levels, insert, l, insert + 1, levels.length - insert);
        ends = e;
        levels = l;
    }

    /** The index of the newest entry at or before {@code t}, or -1. */
    int at(long t) {
        int i = Arrays.binarySearch(ends, t);
        return i >= 0 ? i : -i - 2;
    }

    Level level(int index) {
        return Level.values()[levels[index]];
    }

    /** Drops entries older than {@code horizon}, keeping the newest one at or before it (still the level then). */
    void trim(long horizon) {
        int keepFrom = Math.max(0, at(horizon));
        ends = Arrays.copyOfRange(ends, keepFrom, ends.length);
        levels = Arrays.copyOfRange(levels, keepFrom, levels.length);
    }

    boolean isEmpty() {
        return ends.length == 0;
    }

    long newest() {
        return ends[ends.length - 1];
    }
}
