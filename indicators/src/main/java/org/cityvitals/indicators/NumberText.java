package org.cityvitals.indicators;

import java.math.BigDecimal;

/** Numbers as people write them in messages and docs: {@code 75}, not {@code 75.0}; {@code 0.14}, not {@code 1.4E-1}. */
public final class NumberText {
    private NumberText() {
    }

    public static String of(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }
}
