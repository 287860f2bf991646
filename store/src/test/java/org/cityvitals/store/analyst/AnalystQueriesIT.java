package org.cityvitals.store.analyst;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.analyst.AnalystGuide.Example;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ```sql block of docs/ANALYSTS.md, run as the account the guide connects with ({@code analyst_internal}, in
 * its own database filled from a populated platform database), returns rows.
 */
class AnalystQueriesIT {

    @BeforeAll
    static void populate() throws SQLException {
        CityFortnight.ensureLoaded();
    }

    @TestFactory
    List<DynamicTest> everyExampleQueryReturnsRows() {
        List<Example> examples = AnalystGuide.examples();
        assertThat(examples).as("example queries in %s", AnalystGuide.PATH).hasSizeGreaterThanOrEqualTo(12);
        ClickHouse analyst = CityFortnight.asAnalyst(Clearance.INTERNAL, "");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.heading(), () ->
                assertThat(analyst.query(e.sql(), rs -> rs.getMetaData().getColumnCount()))
                        .as("rows of the query under '%s'", e.heading()).isNotEmpty())).toList();
    }
}
