package org.cityvitals.ingest.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs of a command line, with typed getters that say which flag is wrong. */
final class CliFlags {
    private final Map<String, String> values = new HashMap<>();

    CliFlags(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value, found '" + args[i] + "'");
            }
            values.put(args[i], args[i + 1]);
        }
    }

    String text(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    double positive(String flag, double fallback) {
        String text = values.get(flag);
        if (text == null) return fallback;
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value)) return value;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive number, not '" + text + "'");
    }

    long integer(String flag, long fallback) {
        String text = values.get(flag);
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, not '" + text + "'");
        }
    }

    Scenario scenario(String flag) {
        String code = values.get(flag);
        return Scenario.fromCode(code == null ? "" : code).orElseThrow(() -> new IllegalArgumentException(
                flag + " '" + code + "' is unknown; one of " + Arrays.toString(Arrays.stream(Scenario.values())
                        .map(Scenario::code).toArray())));
    }

    Set<String> list(String flag) {
        String text = values.get(flag);
        if (text == null || text.isBlank()) throw new IllegalArgumentException("missing " + flag);
        return new LinkedHashSet<>(Arrays.asList(text.split(",")));
    }
}
