package org.cityvitals.indicators.catalogue;

/**
 * A step of the operations centre's response to a situation, timed from the situation's opening: a person
 * acknowledging it, dispatching its first work order, resolving it. The indicators of source {@code situations}
 * measure one step each; YAML names are the lower-case constant names.
 */
public enum ResponseStep {
    ACKNOWLEDGE, DISPATCH, RESOLVE
}
