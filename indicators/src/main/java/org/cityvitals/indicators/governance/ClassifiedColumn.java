package org.cityvitals.indicators.governance;

import org.cityvitals.indicators.access.Clearance;

/** A column whose class differs from its table's, with the detail it carries. */
public record ClassifiedColumn(String name, Clearance dataClass, Carries carries) {}
