package org.cityvitals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample files in the repository's {@code data/samples} folder (tests run with the module folder as working
 * directory), and a deliberately simple reader of them (split on commas
 * outside quotes) that is independent of the production CSV reader, so expected counts are not computed by the
 * code under test.
 */
public final class SampleData {
    private SampleData() {
    }

    public static Path path(String fileName) {
        Path path = Path.of("..", "data", "samples", fileName);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("sample file " + path.toAbsolutePath() + " is missing");
        }
        return path;
    }

    public static List<Map<String, String>> rows(String fileName) {
        try {
            List<String> lines = Files.readAllLines(path(fileName), StandardCharsets.UTF_8);
            String[] header = split(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = split(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], values[i]);
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String line) {
        String[] parts = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            parts[i] = p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")
                    ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p;
        }
        return parts;
    }
}
