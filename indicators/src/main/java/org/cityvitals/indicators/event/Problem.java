package org.cityvitals.indicators.event;

/** One thing wrong with an event: the JSON field path ({@code $} for the whole document) and why. */
public record Problem(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
