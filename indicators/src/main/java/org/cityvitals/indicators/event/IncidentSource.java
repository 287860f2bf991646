package org.cityvitals.indicators.event;

/**
 * Channel an incident came in through. The JSON name is the number people dial ({@code "12345"}, {@code "110"},
 * {@code "119"}, {@code "120"}) or {@code "utility"} for fault reports from water, power and gas operators.
 */
public enum IncidentSource {
    HOTLINE_12345("12345"),
    POLICE_110("110"),
    FIRE_119("119"),
    AMBULANCE_120("120"),
    UTILITY_FAULT("utility");

    private final String jsonName;

    IncidentSource(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
