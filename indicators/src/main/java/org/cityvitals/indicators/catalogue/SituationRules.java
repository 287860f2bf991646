package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.level.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How alerts become situations (事态): the hazards that group alerts of related indicators, the inhibitions by which
 * one hazard explains another indicator's alerts, the escalation policies per level and district, and the causes a
 * person resolving a situation chooses from. Read from
 * {@code catalogue/situations.yaml} and checked against the indicator catalogue; the format is in
 * indicators/README.md.
 */
public final class SituationRules {
    /** Classpath resource of the shipped rules. */
    public static final String DEFAULT_RESOURCE = "catalogue/situations.yaml";

    private final List<Hazard> hazards;
    private final List<Inhibition> inhibitions;
    private final List<EscalationPolicy> policies;
    private final List<Cause> causes;
    private final ResponseIndicators responseIndicators;
    private final Map<String, Hazard> hazardOfIndicator = new HashMap<>();

    SituationRules(List<Hazard> hazards, List<Inhibition> inhibitions, List<EscalationPolicy> policies,
                   List<Cause> causes, ResponseIndicators responseIndicators) {
        this.hazards = List.copyOf(hazards);
        this.inhibitions = List.copyOf(inhibitions);
        this.policies = List.copyOf(policies);
        this.causes = List.copyOf(causes);
        this.responseIndicators = responseIndicators;
        hazards.forEach(h -> h.indicatorIds().forEach(id -> hazardOfIndicator.put(id, h)));
    }

    /** A result: the rules, or every problem as {@code file:line: problem}. */
    public record Loaded(SituationRules rules, List<String> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The rules. @throws IllegalStateException listing the problems */
        public SituationRules orThrow() {
            if (!ok()) {
                throw new IllegalStateException("situation rules are invalid:\n" + String.join("\n", problems));
            }
            return rules;
        }
    }

    /** The shipped rules, checked against {@code catalogue}. */
    public static Loaded loadDefault(IndicatorCatalogue catalogue) {
        try (InputStream in = Objects.requireNonNull(
                SituationRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE), DEFAULT_RESOURCE)) {
            return load(in, DEFAULT_RESOURCE, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from a file; problems name the file as given. */
    public static Loaded load(Path file, IndicatorCatalogue catalogue) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), catalogue);
        } catch (IOException e) {
            return new Loaded(null, List.of(file + ":1: cannot read: " + e.getMessage()));
        }
    }

    public static Loaded load(InputStream in, String fileName, IndicatorCatalogue catalogue) {
        return SituationRulesLoader.load(new InputStreamReader(in, StandardCharsets.UTF_8), fileName, catalogue);
    }

    public List<Hazard> hazards() {
        return hazards;
    }

    public List<Inhibition> inhibitions() {
        return inhibitions;
    }

    public List<EscalationPolicy> policies() {
        return policies;
    }

    /** What a person resolving a situation says it was caused by, in the file's order. */
    public List<Cause> causes() {
        return causes;
    }

    /**
     * The catalogue's indicators of the time to acknowledge, to dispatch and to resolve, whose hazards these rules
     * define.
     */
    public ResponseIndicators responseIndicators() {
        return responseIndicators;
    }

    public Optional<Cause> cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The hazard an indicator belongs to, if the rules link it to one. */
    public Optional<Hazard> hazardOf(String indicatorId) {
        return Optional.ofNullable(hazardOfIndicator.get(indicatorId));
    }

    /** The inhibitions whose targets include {@code indicatorId}. */
    public List<Inhibition> inhibitionsOf(String indicatorId) {
        return inhibitions.stream().filter(i -> i.targets().contains(indicatorId)).toList();
    }

    /** The policy for a situation of {@code level} in {@code district}: one naming the district before a default. */
    public Optional<EscalationPolicy> policyFor(Level level, String district) {
        return policies.stream().filter(p -> p.covers(level, district))
                .min(Comparator.comparing(EscalationPolicy::everyDistrict));
    }
}
