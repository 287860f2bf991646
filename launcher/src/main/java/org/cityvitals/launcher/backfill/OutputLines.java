package org.cityvitals.launcher.backfill;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A command's console output as lines someone can follow over HTTP: every finished line (the newest
 * {@value #KEPT} of them), and the line being drawn, which a progress display rewrites after each carriage return.
 */
final class OutputLines extends OutputStream {

    private static final int KEPT = 500;

    private final Deque<String> lines = new ArrayDeque<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private String progress = "";

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String line = drawn();
            if (!line.isBlank()) {
                lines.addLast(line.strip());
                progress = line.strip();
            }
            if (lines.size() > KEPT) {
                lines.removeFirst();
            }
            current.reset();
        } else if (b == '\r') {
            String line = drawn();
            if (!line.isBlank()) {
                progress = line.strip();
            }
            current.reset();
        } else {
            current.write(b);
        }
    }

    private String drawn() {
        return current.toString(StandardCharsets.UTF_8);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The newest line, finished or still being drawn. */
    synchronized String progress() {
        String drawing = drawn().strip();
        return drawing.isEmpty() ? progress : drawing;
    }
}
