package org.cityvitals.indicators.catalogue;

import java.util.List;

/** A loaded catalogue, or (catalogue null) every problem found, each as {@code file:line: problem}. */
public record LoadResult(IndicatorCatalogue catalogue, List<String> problems) {
    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
