package org.cityvitals.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IndicatorsDocTest {
    private static final Path DOC = Path.of("..", "docs", "INDICATORS.md");

    @Test
    void docsMatchTheShippedCatalogue() throws IOException {
        String expected = CatalogueTool.renderDocs(IndicatorCatalogue.loadDefault());
        assertThat(Files.exists(DOC)).as(DOC.toAbsolutePath() + " is missing; run " + CatalogueTool.DOCS_COMMAND)
                .isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/INDICATORS.md is stale; regenerate it with " + CatalogueTool.DOCS_COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void docsShowBothNamesUnitLevelsAndSourceOfEachIndicator() {
        String md = CatalogueTool.renderDocs(IndicatorCatalogue.loadDefault());
        assertThat(md).contains("| `air.pm25` | PM2.5浓度 | PM2.5 concentration | µg/m³ | metric `pm25` | "
                + "↑ mean over 1m | 75 | 115 | 150 | 250 | 5 / 0s | 3 | pooled | no_data | level, rate_of_change, "
                + "anomaly | HJ 633-2012");
        assertThat(md).contains("| `hotline.backlog` |").contains("| (sum_of_districts) | zero |");
        assertThat(md).contains("| `gas.leak_lel` |").contains("| ⚡ level, rate_of_change, anomaly |");
        assertThat(md).contains("incidents 12345: time_to_resolve");
        assertThat(md).contains("Overrides for `hotline.new_per_hour`: 310115 (200 / 300 / 420 / 550).");
    }
}
