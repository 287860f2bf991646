package org.cityvitals.jobs.quality;

/** Readings of one sensor network of one city arrived (at processing time {@code seenAt}). */
public record FeedHeartbeat(String city, String network, long seenAt) {

    public String key() {
        return city + "|" + network;
    }
}
