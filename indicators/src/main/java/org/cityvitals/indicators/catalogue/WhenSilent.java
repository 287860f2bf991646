package org.cityvitals.indicators.catalogue;

/**
 * What a window without any data means for an indicator. {@code NO_DATA}: sensors or a feed were lost, so a series
 * silent for several windows raises a no-data alert. {@code ZERO}: nothing happened (no 119 call, no open case), so
 * the window reads 0. {@code NOTHING}: there is nothing to measure (no case was dispatched, so there is no time to
 * dispatch); no value and no alert.
 */
public enum WhenSilent {
    NO_DATA, ZERO, NOTHING
}
