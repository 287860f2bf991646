package org.cityvitals.ingest.source;

import org.cityvitals.ingest.SampleData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged rows of every sample file (cut short, padded, fields swapped or replaced by garbage, numbers made huge or
 * non-numeric, dates mangled): each row must come out as events or as rejections with a reason, never an exception.
 */
class AdapterFuzzTest {
    private static final List<String> GARBAGE = List.of("", "NA", "NaN", "Infinity", "-1e999", "1e308", "abc",
            "13/45/2015 99:99:99 XM", "2014-02-30T25:00:00", "0", "-273.15", "\u00ff\u0000", ",,,");

    @ParameterizedTest
    @CsvSource({"beijing-aq,beijing_aq_12stations_2013-03.csv", "aarhus-traffic,"
            + "aarhus_traffic_6sensors_2014-02-13_to_2014-02-20.csv", "metro-i94,metro_i94_traffic_volume_first10000.csv",
            "boston-311,boston311_2015-01_sample.csv", "nyc-311,nyc311_2022-05-01_0000-0206.csv",
            "tetouan-power,tetouan_power_2017-01-01_to_2017-02-28.csv"})
    void everyDamagedRowIsMappedOrRejectedWithAReason(String dataset, String file) throws IOException {
        List<String> lines = Files.readAllLines(SampleData.path(file), StandardCharsets.UTF_8);
        Random random = new Random(dataset.hashCode());
        StringBuilder damaged = new StringBuilder(lines.get(0)).append('\n');
        int rows = 2000;
        for (int i = 0; i < rows; i++) {
            damaged.append(damage(lines.get(1 + random.nextInt(lines.size() - 1)), random)).append('\n');
        }
        SourceAdapter adapter = Datasets.adapterFor(dataset, SampleData.path("aarhus_traffic_metadata.csv"));

        long seen = 0;
        long rejectedRows = 0;
        try (SourceAdapter.RowIterator mapped = adapter.open(
                new ByteArrayInputStream(damaged.toString().getBytes(StandardCharsets.UTF_8)))) {
            while (mapped.hasNext()) {
                MappedRow row = mapped.next();
                seen++;
                assertThat(row.events().isEmpty() && row.rejections().isEmpty() && row.missingValues() == 0)
                        .as("line %d produced nothing and no reason", row.line()).isFalse();
                assertThat(row.rejections()).allSatisfy(r -> {
                    assertThat(r.reason()).isNotNull();
                    assertThat(r.detail()).isNotBlank();
                    assertThat(r.source()).isEqualTo(dataset);
                });
                if (row.events().isEmpty() && !row.rejections().isEmpty()) rejectedRows++;
            }
        }
        assertThat(seen).isLessThanOrEqualTo(rows).isGreaterThan(rows * 9L / 10); // a row cut inside quotes joins the next
        assertThat(rejectedRows).isPositive();
    }

    private static String damage(String line, Random random) {
        String[] fields = line.split(",", -1);
        switch (random.nextInt(5)) {
            case 0 -> {
                return line.substring(0, random.nextInt(line.length()));
            }
            case 1 -> {
                return line + "," + GARBAGE.get(random.nextInt(GARBAGE.size()));
            }
            case 2 -> {
                int a = random.nextInt(fields.length);
                int b = random.nextInt(fields.length);
                String t = fields[a];
                fields[a] = fields[b];
                fields[b] = t;
            }
            default -> fields[random.nextInt(fields.length)] = GARBAGE.get(random.nextInt(GARBAGE.size()));
        }
        return String.join(",", fields);
    }
}
