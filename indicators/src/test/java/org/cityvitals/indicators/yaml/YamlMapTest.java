package org.cityvitals.indicators.yaml;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class YamlMapTest {

    @Test
    void aListOfMappingsSkipsWhatIsNotAMappingAndKeepsAnItemWithAnUnknownField() {
        YamlProblems problems = new YamlProblems("t.yaml");
        YamlMap root = YamlMap.parse(new StringReader("""
                metrics:
                  - id: pm25
                  - just text
                  - id: no2
                    colour: red
                """), problems);

        List<YamlMap> metrics = root.maps("metrics", true, "a metric", Set.of("id"));

        assertThat(metrics).extracting(m -> m.string("id", true)).containsExactly("pm25", "no2");
        assertThat(problems.list()).containsExactly(
                "t.yaml:3: a metric must be a mapping",
                "t.yaml:5: unknown field 'colour'");
    }

    @Test
    void aMissingRequiredListIsAProblemAndNoItems() {
        YamlProblems problems = new YamlProblems("t.yaml");
        YamlMap root = YamlMap.parse(new StringReader("other: 1\n"), problems);

        assertThat(root.maps("metrics", true, "a metric", Set.of("id"))).isEmpty();
        assertThat(problems.list()).hasSize(1).allSatisfy(p -> assertThat(p).startsWith("t.yaml:1:")
                .contains("metrics"));
    }
}
