package org.cityvitals.store.analyst;

import org.cityvitals.store.ClickHouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ```sql block of docs/ANALYSTS.md, run as the analyst user against a populated database, returns rows. */
class AnalystQueriesIT {

    private static final Path GUIDE = Path.of("..", "docs", "ANALYSTS.md");
    /** A Markdown heading, or a ```sql block. */
    private static final Pattern HEADING_OR_SQL = Pattern.compile("^(#{1,6} [^\\n]+)$|^```sql\\n(.*?)^```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    record Example(String heading, String sql) {}

    @BeforeAll
    static void populate() throws SQLException {
        CityFortnight.ensureLoaded();
    }

    @TestFactory
    List<DynamicTest> everyExampleQueryReturnsRows() throws IOException {
        List<Example> examples = examples(Files.readString(GUIDE));
        assertThat(examples).as("example queries in %s", GUIDE).hasSizeGreaterThanOrEqualTo(12);
        ClickHouse analyst = CityFortnight.asAnalyst("");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.heading(), () ->
                assertThat(analyst.query(e.sql(), rs -> rs.getMetaData().getColumnCount()))
                        .as("rows of the query under '%s'", e.heading()).isNotEmpty())).toList();
    }

    /** The sql blocks, each named by the heading above it; a block before any heading is an error. */
    static List<Example> examples(String markdown) {
        List<Example> examples = new ArrayList<>();
        String heading = null;
        Matcher m = HEADING_OR_SQL.matcher(markdown);
        while (m.find()) {
            if (m.group(1) != null) {
                heading = m.group(1).replaceFirst("^#+ ", "");
            } else {
                assertThat(heading).as("a sql block in %s before any heading", GUIDE).isNotNull();
                examples.add(new Example(heading, m.group(2)));
            }
        }
        return examples;
    }
}
