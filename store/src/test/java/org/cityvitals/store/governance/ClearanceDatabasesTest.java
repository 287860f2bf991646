package org.cityvitals.store.governance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the row filter of a clearance goes in the SELECT of a platform view it copies. */
class ClearanceDatabasesTest {

    private static final String FILTER = "indicator_id IN ('air.pm25')";

    @Test
    void theFilterGoesBeforeTheGroupByOfARollupView() {
        assertThat(ClearanceDatabases.filtered("SELECT indicator_id, avgState(value) AS value_avg "
                + "FROM db.indicator_values GROUP BY indicator_id", FILTER))
                .isEqualTo("SELECT indicator_id, avgState(value) AS value_avg FROM db.indicator_values "
                        + "WHERE indicator_id IN ('air.pm25') GROUP BY indicator_id");
    }

    @Test
    void anExistingConditionIsKeptAndBothMustHold() {
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t WHERE origin = 'live' GROUP BY a", FILTER))
                .isEqualTo("SELECT a FROM db.t WHERE (indicator_id IN ('air.pm25')) AND (origin = 'live') GROUP BY a");
    }

    @Test
    void anExistingConditionWithOrCannotLetRowsPastTheFilter() {
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t WHERE origin = 'live' OR origin = 'backfill' "
                + "GROUP BY a ORDER BY a", FILTER))
                .isEqualTo("SELECT a FROM db.t WHERE (indicator_id IN ('air.pm25')) "
                        + "AND (origin = 'live' OR origin = 'backfill') GROUP BY a ORDER BY a");
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t WHERE origin = 'live' OR value > 0", FILTER))
                .isEqualTo("SELECT a FROM db.t WHERE (indicator_id IN ('air.pm25')) "
                        + "AND (origin = 'live' OR value > 0)");
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t WHERE origin = 'live' OR value > 0 ORDER BY a",
                FILTER)).isEqualTo("SELECT a FROM db.t WHERE (indicator_id IN ('air.pm25')) "
                        + "AND (origin = 'live' OR value > 0) ORDER BY a");
    }

    @Test
    void withoutAFilterTheSelectIsUnchanged() {
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t", null)).isEqualTo("SELECT a FROM db.t");
        assertThat(ClearanceDatabases.filtered("SELECT a FROM db.t", FILTER))
                .isEqualTo("SELECT a FROM db.t WHERE indicator_id IN ('air.pm25')");
    }
}
