package org.cityvitals.ingest.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsCrlfAndEmbeddedLineBreaksWithLineNumbersAndRawText() throws Exception {
        String csv = "\uFEFF\"No\",name,note\r\n1,\"Smith, J\",\"said \"\"hi\"\"\"\r\n\r\n2,x,\"two\nlines\"\r\n3,y\r\n";
        List<CsvRow> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(rows::add);
        }

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("No")).isEqualTo("1");
        assertThat(rows.get(0).get("name")).isEqualTo("Smith, J");
        assertThat(rows.get(0).get("note")).isEqualTo("said \"hi\"");
        assertThat(rows.get(0).raw()).isEqualTo("1,\"Smith, J\",\"said \"\"hi\"\"\"");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).get("note")).isEqualTo("two\nlines");
        assertThat(rows.get(2).line()).isEqualTo(6);
        assertThat(rows.get(2).hasExpectedWidth()).isFalse();
    }

    @Test
    void quotesInsideAnUnquotedFieldAreTextAndTextAfterAClosingQuoteStaysInTheField() throws Exception {
        String csv = "a,b,c\n1,x\"y,\"q\"r\n2,,\"\"";
        List<CsvRow> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(rows::add);
        }

        assertThat(rows.get(0).fields()).containsExactly("1", "x\"y", "qr");
        assertThat(rows.get(1).fields()).containsExactly("2", "", "");
        assertThat(rows.get(1).raw()).isEqualTo("2,,\"\"");
    }
}
