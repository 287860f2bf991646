package org.cityvitals.store.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The statement files under {@code sql/} by the names query classes give them ({@code "area/name"}), sorted. */
final class QueryFileNames {

    static final Path DIR = Path.of("src", "main", "resources", "sql");

    private QueryFileNames() {}

    static List<String> all() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(f -> f.toString().endsWith(".sql"))
                    .map(f -> DIR.relativize(f).toString().replace('\\', '/').replaceFirst("\\.sql$", ""))
                    .sorted().toList();
        }
    }
}
