package org.cityvitals.ingest.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A single self-overwriting status line: rows/s, percent of the file's bytes read and the ETA, redrawn at most
 * every {@code interval} so that printing never slows the replay down.
 */
final class ProgressLine {
    private final PrintStream out;
    private final long totalBytes;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    ProgressLine(PrintStream out, long totalBytes, Duration interval) {
        this.out = out;
        this.totalBytes = Math.max(1, totalBytes);
        this.intervalNanos = interval.toNanos();
    }

    void update(long rows, long bytesRead, long published) {
        long now = System.nanoTime();
        if (now - lastDrawNanos < intervalNanos) return;
        lastDrawNanos = now;
        out.print('\r' + render(rows, bytesRead, published, now - startNanos));
        out.flush();
    }

    void finish(long rows, long bytesRead, long published) {
        out.println('\r' + render(rows, bytesRead, published, System.nanoTime() - startNanos));
    }

    String render(long rows, long bytesRead, long published, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double fraction = Math.min(1.0, bytesRead / (double) totalBytes);
        int filled = (int) (fraction * 30);
        String bar = "#".repeat(filled) + "-".repeat(30 - filled);
        String eta = fraction <= 0 ? "--" : formatSeconds(seconds / fraction - seconds);
        return String.format(Locale.ROOT, "[%s] %5.1f%% %,10d rows %,9.0f rows/s %,10d published  ETA %s   ",
                bar, fraction * 100, rows, rows / seconds, published, eta);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60) : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
