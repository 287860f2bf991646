package org.cityvitals.indicators.catalogue;

import org.cityvitals.indicators.NumberText;

/** An inclusive range of values with an open end where a bound is null. */
public record Range(Double min, Double max) {

    public boolean contains(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    @Override
    public String toString() {
        return (min == null ? "" : NumberText.of(min)) + ".." + (max == null ? "" : NumberText.of(max));
    }
}
