package org.cityvitals.store.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example queries of docs/ANALYSTS.md, exactly as written there: every ```sql block, named by its heading. */
public final class AnalystGuide {

    public static final Path PATH = Path.of("..", "docs", "ANALYSTS.md");
    /** A Markdown heading, or a ```sql block. */
    private static final Pattern HEADING_OR_SQL = Pattern.compile("^(#{1,6} [^\\n]+)$|^```sql\\n(.*?)^```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    /** The JDBC URL the guide gives, in a block of its own. */
    private static final Pattern JDBC_URL = Pattern.compile("^```\\n(jdbc:clickhouse:[^\\n]+)\\n```$", Pattern.MULTILINE);

    public record Example(String heading, String sql) {}

    private AnalystGuide() {}

    /** The sql blocks of the guide; a block before any heading is an error. */
    public static List<Example> examples() {
        return examples(text());
    }

    /** The JDBC URL the guide tells analysts to connect with, as written. */
    static String jdbcUrl() {
        Matcher m = JDBC_URL.matcher(text());
        if (!m.find()) {
            throw new IllegalStateException("no JDBC URL block in " + PATH);
        }
        return m.group(1);
    }

    private static String text() {
        try {
            return Files.readString(PATH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
    }

    static List<Example> examples(String markdown) {
        List<Example> examples = new ArrayList<>();
        String heading = null;
        Matcher m = HEADING_OR_SQL.matcher(markdown);
        while (m.find()) {
            if (m.group(1) != null) {
                heading = m.group(1).replaceFirst("^#+ ", "");
            } else if (heading == null) {
                throw new IllegalStateException("a sql block in " + PATH + " before any heading");
            } else {
                examples.add(new Example(heading, m.group(2)));
            }
        }
        return examples;
    }
}
