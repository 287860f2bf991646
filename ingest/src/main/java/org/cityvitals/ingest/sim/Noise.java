package org.cityvitals.ingest.sim;

import java.util.SplittableRandom;

/** The simulator's one source of randomness: a seeded generator, so the same seed gives the same city. */
final class Noise {
    private final SplittableRandom random;

    Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double gaussian(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Poisson-distributed count with mean {@code lambda}: exact for small means, normal approximation above 30. */
    int poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda > 30) return (int) Math.max(0, Math.round(gaussian(lambda, Math.sqrt(lambda))));
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Rounds {@code value} down or up at random so that, on average, nothing is lost (vehicle counts). */
    long stochasticRound(double value) {
        double floor = Math.floor(value);
        return (long) floor + (chance(value - floor) ? 1 : 0);
    }
}
