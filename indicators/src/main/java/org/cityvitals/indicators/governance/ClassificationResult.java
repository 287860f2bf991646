package org.cityvitals.indicators.governance;

import java.util.List;

/** A loaded classification, or (classification null) every problem found, each as {@code file:line: problem}. */
public record ClassificationResult(Classification classification, List<String> problems) {
    public ClassificationResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
