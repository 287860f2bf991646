package org.cityvitals.jobs.alert;

import org.cityvitals.indicators.NumberText;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertKind;
import org.cityvitals.indicators.signal.Origin;

import java.time.Instant;

/**
 * What a rule saw when it decided: the rule, the series, the value and the threshold it was judged by, and when. The
 * alert event carries these fields so screens can word the alert in any language; {@link #message} words it in
 * English for logs and plain clients.
 */
record Judgement(String rule, IndicatorDefinition definition, String area, double value, double threshold,
                 Instant at, Origin origin) {

    String indicatorId() {
        return definition.id();
    }

    AlertAudience audience() {
        return definition.audience();
    }

    String message(AlertKind kind, Level from, Level to) {
        String subject = definition.nameEn() + " in " + area + ": ";
        String reading = NumberText.of(round(value)) + " " + definition.unit();
        String limit = NumberText.of(round(threshold));
        return subject + switch (rule) {
            case NoDataRule.RULE -> kind == AlertKind.RESOLVED ? "data again"
                    : "no data for " + limit + " min";
            case AnomalyRule.RULE -> reading + " where " + limit + " is usual"
                    + (kind == AlertKind.RESOLVED ? ", back to usual" : "");
            case RateOfChangeRule.RULE -> "changed by " + reading + " in one window (limit " + limit + ")";
            default -> reading + ", " + WireNames.of(from) + " → " + WireNames.of(to) + " (threshold " + limit + ")";
        };
    }

    private static double round(double v) {
        return Math.abs(v) >= 100 ? Math.rint(v) : Math.rint(v * 10) / 10;
    }
}
