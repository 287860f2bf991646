package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.CatalogueTool;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.metric.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped classification is complete and classes what the issue names as sensitive; each validation rule is
 * shown by changing one line of the shipped file and expecting exactly one problem at that line.
 */
class ClassificationTest {

    private static final String FILE = "c.yaml";

    @Test
    void everyIndicatorMetricAndSourceOfTheDataStandardHasAClassAndADeclaredOwner() {
        Classification shipped = Classification.loadDefault();
        IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
        assertThat(shipped.items(ItemKind.INDICATOR)).extracting(ClassifiedItem::id)
                .containsExactlyInAnyOrderElementsOf(catalogue.all().stream().map(IndicatorDefinition::id).toList());
        assertThat(shipped.items(ItemKind.METRIC)).hasSize(MetricRegistry.loadDefault().all().size());
        // 8 sensor networks of metrics.yaml and the 5 incident channels (12345, 110, 119, 120, utility)
        assertThat(shipped.items(ItemKind.SOURCE)).hasSize(8 + 5);
        for (ItemKind kind : ItemKind.values()) {
            assertThat(shipped.items(kind)).allSatisfy(item ->
                    assertThat(shipped.owner(item.owner())).as("owner of %s", item.id()).isPresent());
        }
    }

    @Test
    void exactIncidentLocationsAreSensitiveAndAirQualityIsOpen() {
        Classification shipped = Classification.loadDefault();
        ClassifiedTable incidents = shipped.table("incidents").orElseThrow();
        assertThat(incidents.columnClass("lat")).isEqualTo(Clearance.SENSITIVE);
        assertThat(incidents.columnClass("lon")).isEqualTo(Clearance.SENSITIVE);
        // the issue: incidents' free text and caller details are sensitive
        assertThat(incidents.columnClass("details")).isEqualTo(Clearance.SENSITIVE);
        assertThat(incidents.columnClass("caller")).isEqualTo(Clearance.SENSITIVE);
        assertThat(incidents.columnClass("category")).isEqualTo(Clearance.INTERNAL);
        assertThat(shipped.indicatorClass("air.pm25")).isEqualTo(Clearance.OPEN);
        assertThat(shipped.reveals(Clearance.OPEN, "air.pm25")).isTrue();
        assertThat(shipped.reveals(Clearance.OPEN, "water.pressure_min")).isFalse();
        assertThat(shipped.reveals(Clearance.INTERNAL, "water.pressure_min")).isTrue();
    }

    @Test
    void anAlertIsOfTheAlertsClassEvenOnAnOpenIndicatorAndOfItsIndicatorsWhenThatIsHigher() {
        Classification shipped = Classification.loadDefault();
        // classification.yaml: datasets alerts is internal, air.pm25 open; an unclassified indicator fails closed
        assertThat(shipped.alertClass("air.pm25")).isEqualTo(Clearance.INTERNAL);
        assertThat(shipped.alertClass("water.pressure_min")).isEqualTo(Clearance.INTERNAL);
        assertThat(shipped.alertClass("air.added_at_run_time")).isEqualTo(Clearance.SENSITIVE);
    }

    @Test
    void anIndicatorNotInTheClassificationIsTreatedAsSensitive() {
        Classification shipped = Classification.loadDefault();
        assertThat(shipped.indicatorClass("air.added_at_run_time")).isEqualTo(Clearance.SENSITIVE);
        assertThat(shipped.reveals(Clearance.INTERNAL, "air.added_at_run_time")).isFalse();
    }

    @Test
    void aMissingClassIsAnErrorAtItsLine() {
        String line = "  - {id: air.pm25, class: open, owner: ecology_environment}";
        assertThat(problemsWith(line, "  - {id: air.pm25, owner: ecology_environment}"))
                .containsExactly(FILE + ":" + lineOf(line) + ": missing field 'class'");
    }

    @Test
    void anUnknownClassIsAnErrorNamingTheClasses() {
        String line = "  - {id: air.pm25, class: open, owner: ecology_environment}";
        assertThat(problemsWith(line, "  - {id: air.pm25, class: secret, owner: ecology_environment}"))
                .containsExactly(FILE + ":" + lineOf(line)
                        + ": unknown class 'secret', expected one of open, internal, sensitive");
    }

    @Test
    void theAccountsTableIsNeverCopiedAndCopiesTakesOnlyNone() {
        assertThat(Classification.loadDefault().table("platform_users").orElseThrow().copied()).isFalse();
        assertThat(Classification.loadDefault().table("incidents").orElseThrow().copied()).isTrue();
        String line = "  - {id: platform_users, class: sensitive, owner: platform, copies: none}";
        assertThat(problemsWith(line, "  - {id: platform_users, class: sensitive, owner: platform, copies: all}"))
                .containsExactly(FILE + ":" + lineOf(line) + ": copies must be none or left out");
    }

    @Test
    void anOwnerMustBeDeclared() {
        String line = "  - {id: pm25, class: open, owner: ecology_environment}";
        assertThat(problemsWith(line, "  - {id: pm25, class: open, owner: nobody}"))
                .containsExactly(FILE + ":" + lineOf(line) + ": owner 'nobody' is not declared under owners");
    }

    @Test
    void anIndicatorLeftOutIsReportedAtItsSection() {
        String line = "  - {id: air.pm25, class: open, owner: ecology_environment}";
        assertThat(problemsWith(line + "\n", ""))
                .containsExactly(FILE + ":" + lineOf("indicators:") + ": indicator 'air.pm25' has no class: add it to "
                        + "indicators");
    }

    @Test
    void anItemTheDataStandardDoesNotKnowIsAnError() {
        String line = "  - {id: air.pm25, class: open, owner: ecology_environment}";
        assertThat(problemsWith(line, line + "\n  - {id: air.pm99, class: open, owner: ecology_environment}"))
                .containsExactly(FILE + ":" + (lineOf(line) + 1) + ": no indicator 'air.pm99' in the data standard");
    }

    @Test
    void aColumnCarryingPersonalDetailMustBeSensitive() {
        String line = "     columns: {lat: {class: sensitive, carries: personal_location}, "
                + "lon: {class: sensitive, carries: personal_location},";
        assertThat(problemsWith(line, "     columns: {lat: {class: internal, carries: personal_location}, "
                + "lon: {class: sensitive, carries: personal_location},"))
                .containsExactly(FILE + ":" + lineOf(line) + ": column incidents.lat carries personal_location, "
                        + "personal information, and must be sensitive");
    }

    @Test
    void aColumnIsNeverLessRestrictedThanItsTable() {
        String line = "  - {id: dim_sensors, class: internal, owner: platform,";
        String columns = "     columns: {lat: {class: internal, carries: site_location}, "
                + "lon: {class: internal, carries: site_location}}}";
        assertThat(problemsWith(line + "\n" + columns, line + "\n"
                + "     columns: {lat: {class: open, carries: site_location}, "
                + "lon: {class: internal, carries: site_location}}}"))
                .containsExactly(FILE + ":" + (lineOf(line) + 1) + ": column dim_sensors.lat is open, less restricted "
                        + "than its table (internal)");
    }

    @Test
    void aSourceNeedsItsNamesInBothLanguages() {
        String line = "  - {id: air, kind: sensor_network, class: open, owner: ecology_environment, zh: 空气质量监测网, "
                + "en: Air quality monitoring network}";
        assertThat(problemsWith(line, "  - {id: air, kind: sensor_network, class: open, owner: ecology_environment, "
                + "en: Air quality monitoring network}"))
                .containsExactly(FILE + ":" + lineOf(line) + ": missing field 'zh'");
    }

    @Test
    void theCatalogueCheckAlsoChecksTheShippedClassification() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = CatalogueTool.check(null, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith(Classification.RESOURCE
                + ": OK, every source, metric, indicator and table classified\n");
    }

    private static String shipped() {
        try (InputStream in = ClassificationTest.class.getClassLoader().getResourceAsStream(Classification.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** 1-based line of the shipped file that is exactly {@code line}. */
    private static int lineOf(String line) {
        List<String> lines = shipped().lines().toList();
        int index = lines.indexOf(line);
        assertThat(index).as("line %s in the shipped file", line).isNotNegative();
        return index + 1;
    }

    private static List<String> problemsWith(String original, String replacement) {
        String text = shipped();
        assertThat(text).contains(original);
        ClassificationResult result = Classification.load(new StringReader(text.replace(original, replacement)), FILE,
                IndicatorCatalogue.loadDefault(), MetricRegistry.loadDefault());
        assertThat(result.classification() == null).isEqualTo(!result.ok());
        return result.problems();
    }
}
