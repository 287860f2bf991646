package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.Durations;
import org.cityvitals.indicators.WireNames;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityvitals.indicators.NumberText;
import org.cityvitals.indicators.event.IncidentSource;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ClassificationResult;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.level.Thresholds;

/**
 * What {@code ./cityvitals catalogue check [FILE]} (with {@code --situations FILE}: situation rules) and
 * {@code ./cityvitals catalogue docs} run: validation with {@code file:line: problem} output, and the bilingual markdown reference that is docs/INDICATORS.md.
 */
public final class CatalogueTool {
    static final String DOCS_COMMAND = "./cityvitals catalogue docs";
    private static final List<Level> WARNING_LEVELS = List.of(Level.BLUE, Level.YELLOW, Level.ORANGE, Level.RED);

    private CatalogueTool() {
    }

    /** Usage: {@code check [FILE]} or {@code docs} (prints the markdown to standard output). */
    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("check") && args.length <= 2) {
            System.exit(check(args.length == 2 ? Path.of(args[1]) : null, System.out));
        } else if (args.length == 1 && args[0].equals("docs")) {
            System.out.print(renderDocs(IndicatorCatalogue.loadDefault()));
        } else {
            System.err.println("usage: catalogue check [FILE] | catalogue docs");
            System.exit(2);
        }
    }

    /**
     * Validates {@code file}, or the shipped catalogue when it is null; prints each problem, or a one-line summary
     * when there are none. @return 0 when clean, 1 otherwise
     */
    public static int check(Path file, PrintStream out) {
        LoadResult result;
        if (file == null) {
            result = IndicatorCatalogue.loadDefaultResult();
        } else {
            result = IndicatorCatalogue.load(file);
        }
        if (!result.ok()) {
            result.problems().forEach(out::println);
            out.println(result.problems().size() + " problem(s)");
            return 1;
        }
        out.println((file == null ? IndicatorCatalogue.DEFAULT_RESOURCE : file) + ": OK, "
                + result.catalogue().all().size() + " indicators");
        if (file != null) {
            return 0;
        }
        return checkSituations(null, result.catalogue(), out) == 0 ? checkClassification(out) : 1;
    }

    /**
     * Validates situation rules ({@code situations}, or the shipped {@code catalogue/situations.yaml} when null)
     * against {@code catalogue}; prints each problem as {@code file:line: problem}, or a one-line summary.
     * @return 0 when clean, 1 otherwise
     */
    public static int checkSituations(Path situations, IndicatorCatalogue catalogue, PrintStream out) {
        SituationRules.Loaded loaded = situations == null ? SituationRules.loadDefault(catalogue)
                : SituationRules.load(situations, catalogue);
        if (!loaded.ok()) {
            loaded.problems().forEach(out::println);
            out.println(loaded.problems().size() + " problem(s)");
            return 1;
        }
        SituationRules rules = loaded.rules();
        out.println((situations == null ? SituationRules.DEFAULT_RESOURCE : situations) + ": OK, "
                + rules.hazards().size() + " hazards, " + rules.inhibitions().size() + " inhibitions, "
                + rules.policies().size() + " escalation policies, " + rules.causes().size() + " causes");
        return 0;
    }

    /** The shipped data classification, checked against the shipped catalogue (docs/GOVERNANCE.md). */
    private static int checkClassification(PrintStream out) {
        ClassificationResult classification = Classification.loadDefaultResult();
        if (!classification.ok()) {
            classification.problems().forEach(out::println);
            out.println(classification.problems().size() + " problem(s)");
            return 1;
        }
        out.println(Classification.RESOURCE + ": OK, every source, metric, indicator and table classified");
        return 0;
    }

    /** Markdown with one table per domain: names in both languages, unit, source, window, levels, weight, standard. */
    public static String renderDocs(IndicatorCatalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# 指标目录 · Indicator catalogue\n\n")
                .append("<!-- Generated from indicators/src/main/resources/catalogue/indicators.yaml by `")
                .append(DOCS_COMMAND).append("`. Do not edit by hand. -->\n\n")
                .append(catalogue.all().size()).append(" indicators. A level starts at its threshold: at or above it ")
                .append("when higher is worse (↑), at or below it when lower is worse (↓); — marks a level that is ")
                .append("not used. Thresholds without a standard are local operating choices. ")
                .append("**City** says how the city-wide value is formed: *pooled* applies the indicator's own ")
                .append("aggregation to every sample of the city, the others combine the district values; a city value ")
                .append("in brackets has no levels of its own. **Silent** says what a window without data means: ")
                .append("*no_data* (sensors or a feed were lost: a no-data alert after five slides), *zero* (nothing ")
                .append("happened: the window reads 0), *nothing* (nothing to measure: no value, no alert). ")
                .append("⚡ marks an instant rule: one valid reading beyond a level opens or raises the alert at once.\n");
        Map<Domain, List<IndicatorDefinition>> byDomain = catalogue.all().stream()
                .collect(Collectors.groupingBy(IndicatorDefinition::domain, () -> new EnumMap<>(Domain.class),
                        Collectors.toList()));
        byDomain.forEach((domain, definitions) -> {
            md.append("\n## ").append(domain.zh()).append(" · ").append(domain.en()).append("\n\n")
                    .append("| ID | 名称 | Name | Unit | Source | Aggregation | ")
                    .append("蓝 Blue | 黄 Yellow | 橙 Orange | 红 Red | Hysteresis / for | Weight | City | Silent | ")
                    .append("Rules | Standard |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            definitions.forEach(d -> md.append(row(d)));
            definitions.stream().filter(d -> !d.overrides().isEmpty()).forEach(d -> md.append(overrides(d)));
        });
        return md.toString();
    }

    private static String row(IndicatorDefinition d) {
        return "| `" + d.id() + "` | " + cell(d.nameZh()) + " | " + cell(d.nameEn()) + " | " + cell(d.unit())
                + " | " + source(d.source()) + " | " + aggregation(d) + " | "
                + levels(d.thresholds(), " | ") + " | " + NumberText.of(d.hysteresis()) + " / "
                + Durations.format(d.forDuration()) + " | " + NumberText.of(d.weight()) + " | " + city(d.city())
                + " | " + WireNames.of(d.whenSilent()) + " | " + rules(d) + " | "
                + (d.standard() == null ? "local" : cell(d.standard())) + " |\n";
    }

    private static String city(CitySeries city) {
        String how = WireNames.of(city.aggregation());
        if (city.computed() && city.thresholds() == null) {
            return "(" + how + ")";
        }
        return how;
    }

    private static String rules(IndicatorDefinition d) {
        return (d.instant() ? "⚡ " : "") + d.rules().stream().sorted().map(WireNames::of)
                .collect(Collectors.joining(", "));
    }

    private static String overrides(IndicatorDefinition d) {
        return "\nOverrides for `" + d.id() + "`: " + d.overrides().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + levels(e.getValue(), " / ") + ")")
                .collect(Collectors.joining("; ")) + ".\n";
    }

    private static String source(IndicatorSource s) {
        if (s.isMetric()) {
            return "metric `" + s.metric() + "`" + (s.within() == null ? "" : " within " + s.within());
        }
        if (s.isQuality()) {
            return "network `" + s.network() + "`: " + WireNames.of(s.quality());
        }
        if (s.isSituations()) {
            return "situations" + (s.hazard() == null ? "" : " of hazard `" + s.hazard() + "`") + ": minutes to "
                    + WireNames.of(s.situations());
        }
        String sources = s.incidents().sources().stream().sorted().map(IncidentSource::jsonName)
                .collect(Collectors.joining(", "));
        String categories = s.incidents().categories().isEmpty() ? ""
                : " (" + s.incidents().categories().stream().sorted().collect(Collectors.joining(", ")) + ")";
        return "incidents " + sources + categories + ": " + WireNames.of(s.measure());
    }

    private static String aggregation(IndicatorDefinition d) {
        String arrow = switch (d.direction()) {
            case HIGHER_IS_WORSE -> "↑ ";
            case LOWER_IS_WORSE -> "↓ ";
            case EITHER -> "↕ ";
        };
        String every = d.window().tumbling() ? "" : ", every " + Durations.format(d.window().slide());
        return arrow + WireNames.of(d.aggregation()) + " over " + Durations.format(d.window().size()) + every;
    }

    private static String levels(Thresholds t, String separator) {
        if (t == null) {
            return String.join(separator, WARNING_LEVELS.stream().map(l -> "—").toList());
        }
        return WARNING_LEVELS.stream()
                .map(level -> t.threshold(level) == null ? "—" : NumberText.of(t.threshold(level)))
                .collect(Collectors.joining(separator));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

}
