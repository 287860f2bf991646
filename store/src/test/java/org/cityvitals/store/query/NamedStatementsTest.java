package org.cityvitals.store.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query class names its statement's file where it runs it, and the file is read on first use: a misspelt name
 * would only fail when that query first ran. So the build checks that the names in store's code and the files under
 * {@code sql/} are the same set — every name has its file, and no file is left that nothing runs.
 */
class NamedStatementsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A statement name as the query classes write it: {@code "area/name"}, lower case. */
    private static final Pattern NAME = Pattern.compile("\"([a-z]+/[a-z0-9-]+)\"");

    @Test
    void everyStatementNamedInTheCodeIsAFileUnderSqlAndEveryFileIsNamed() throws IOException {
        assertThat(namedInCode()).isNotEmpty().isEqualTo(new TreeSet<>(QueryFileNames.all()));
    }

    @Test
    void theNamePatternFindsANameAndNotAPath() {
        assertThat(NAME.matcher("queries.rows(\"alerts/open-alerts\", decoder)").find()).isTrue();
        assertThat(NAME.matcher("\"catalogue/indicators.yaml\"").find()).isFalse();
    }

    private static Set<String> namedInCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
