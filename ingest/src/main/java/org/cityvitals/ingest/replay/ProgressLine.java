package org.cityvitals.ingest.replay;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The replay command's progress display: a single self-overwriting status line with a bar, percent of the file's
 * bytes read, rows/s, events published and the ETA; a final line when the replay is done.
 */
public final class ProgressLine implements ReplayProgress {
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    public ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void update(long rows, long bytesRead, long totalBytes, long published, boolean done) {
        String line = render(rows, bytesRead, totalBytes, published, System.nanoTime() - startNanos);
        if (done) {
            out.println('\r' + line);
        } else {
            out.print('\r' + line);
        }
        out.flush();
    }

    static String render(long rows, long bytesRead, long totalBytes, long published, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double fraction = Math.min(1.0, bytesRead / (double) Math.max(1, totalBytes));
        int filled = (int) (fraction * 30);
        String bar = "#".repeat(filled) + "-".repeat(30 - filled);
        String eta = fraction <= 0 ? "--" : formatSeconds(seconds / fraction - seconds);
        return String.format(Locale.ROOT, "[%s] %5.1f%% %,10d rows %,9.0f rows/s %,10d published  ETA %s   ",
                bar, fraction * 100, rows, rows / seconds, published, eta);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
