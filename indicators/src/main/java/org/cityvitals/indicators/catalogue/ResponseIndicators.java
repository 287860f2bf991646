package org.cityvitals.indicators.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations centre's own indicators: the catalogue's indicators of source {@code situations}, the minutes from a
 * situation's opening to a person acknowledging it, dispatching its first work order and resolving it. Each step has
 * one indicator over every situation and may have one per hazard; a situation of a hazard counts in both.
 */
public final class ResponseIndicators {

    private final List<IndicatorDefinition> definitions;

    private ResponseIndicators(List<IndicatorDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public static ResponseIndicators of(IndicatorCatalogue catalogue) {
        return new ResponseIndicators(catalogue.all().stream().filter(d -> d.source().isSituations()).toList());
    }

    public List<IndicatorDefinition> all() {
        return definitions;
    }

    /**
     * The indicators a situation of {@code hazard} (a hazard id, or an indicator id for a situation outside every
     * hazard) counts in for {@code step}: the one over every situation and its hazard's own.
     */
    public List<IndicatorDefinition> countedIn(ResponseStep step, String hazard) {
        return definitions.stream().filter(d -> d.source().situations() == step && counts(d, hazard)).toList();
    }

    /** Whether a situation of {@code hazard} counts in {@code indicator}: the overall one, or its hazard's own. */
    public static boolean counts(IndicatorDefinition indicator, String hazard) {
        return indicator.source().hazard() == null || indicator.source().hazard().equals(hazard);
    }

    /** The indicator that judges {@code step} for situations of {@code hazard}: the hazard's own, else the overall. */
    public Optional<IndicatorDefinition> judging(ResponseStep step, String hazard) {
        List<IndicatorDefinition> counted = countedIn(step, hazard);
        return counted.stream().filter(d -> Objects.equals(d.source().hazard(), hazard)).findFirst()
                .or(() -> counted.stream().filter(d -> d.source().hazard() == null).findFirst());
    }
}
