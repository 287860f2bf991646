package org.cityvitals.indicators.event;

import java.util.List;

/** Result of decoding one event: the value when there are no problems, otherwise null and every problem found. */
public record Decoded<T>(T value, List<Problem> problems) {
    public Decoded {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
