package org.cityvitals.jobs.window;

/**
 * One district's share of a city-wide window: its value (for sums, means, maxima and minima of districts) and, for
 * pooled indicators, its accumulator, from which the city value is computed as if from all the city's samples.
 * {@code version} is the district window's version, so a correction replaces the share it corrects.
 */
public record CityPart(String indicatorId, String city, String district, long windowStart, long windowEnd,
                       long version, double value, long samples, Accumulator accumulator, int registered) {
}
