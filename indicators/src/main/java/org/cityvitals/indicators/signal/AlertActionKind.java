package org.cityvitals.indicators.signal;

/**
 * What a person did with an alert; on every wire by its lower-case name ({@code "acknowledge"}). {@code RESOLVE}
 * closes the episode for people: if the condition still holds, the job opens a new episode after its for-duration.
 */
public enum AlertActionKind {
    ACKNOWLEDGE, ASSIGN, COMMENT, SILENCE, ESCALATE, RESOLVE
}
