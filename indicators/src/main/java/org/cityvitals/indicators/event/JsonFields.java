package org.cityvitals.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.cityvitals.indicators.NumberText;

/**
 * Reads typed fields out of one JSON object and collects a {@link Problem} for each field that is missing or wrong,
 * so a decoder can report everything at once. Getters return null when the field is absent or invalid.
 */
final class JsonFields {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final JsonNode object;
    private final Clock clock;
    private final List<Problem> problems = new ArrayList<>();

    JsonFields(JsonNode object, Clock clock) {
        this.object = object;
        this.clock = clock;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(String path, String reason) {
        problems.add(new Problem(path, reason));
    }

    boolean hasProblem(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    void rejectUnknownFields(Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown field");
            }
        }
    }

    String text(String name, boolean required) {
        JsonNode node = field(name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            return wrongType(name, "a string");
        }
        if (node.textValue().isBlank()) {
            problem(name, "must not be blank");
            return null;
        }
        return node.textValue();
    }

    Double number(String name, boolean required, double min, double max) {
        JsonNode node = field(name, required);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            return wrongType(name, "a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            problem(name, "number does not fit a 64-bit float");
            return null;
        }
        String outside = rangeProblem(value, min, max);
        if (outside != null) {
            problem(name, outside);
            return null;
        }
        return value;
    }

    /** Why {@code value} is outside {@code min..max}, or null. */
    static String rangeProblem(double value, double min, double max) {
        return value < min || value > max ? "must be between " + NumberText.of(min) + " and " + NumberText.of(max)
                : null;
    }

    /** Why an event time is outside the range every event must be in (2000 to a day after now), or null. */
    static String instantProblem(Instant instant, Clock clock) {
        if (instant.isBefore(EARLIEST)) {
            return "before 2000-01-01T00:00:00Z";
        }
        return instant.isAfter(clock.instant().plus(1, ChronoUnit.DAYS)) ? "more than 1 day in the future" : null;
    }

    Integer integer(String name, int min, int max) {
        JsonNode node = field(name, true);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            return wrongType(name, "an integer");
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(name, "must be an integer from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    /** An ISO-8601 instant in UTC ({@code Z} suffix) between 2000 and one day after the clock's now. */
    Instant instant(String name, boolean required) {
        String text = textOfType(name, required, "an ISO-8601 UTC instant");
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = text.endsWith("Z") ? UtcInstants.parse(text) : null;
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            problem(name, "not an ISO-8601 UTC instant");
            return null;
        }
        String outside = instantProblem(instant, clock);
        if (outside != null) {
            problem(name, outside);
            return null;
        }
        return instant;
    }

    <E extends Enum<E>> E enumValue(String name, JsonEnum<E> values) {
        String text = textOfType(name, true, "a string");
        if (text == null) {
            return null;
        }
        E value = values.find(text);
        if (value == null) {
            problem(name, "unknown value '" + text + "', expected one of " + String.join(", ", values.names()));
        }
        return value;
    }

    private String textOfType(String name, boolean required, String expected) {
        JsonNode node = field(name, required);
        if (node == null) {
            return null;
        }
        return node.isTextual() ? node.textValue() : wrongType(name, expected);
    }

    /** The field's node, or null (with a problem when required) if it is absent or JSON null. */
    private JsonNode field(String name, boolean required) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(name, "required");
            }
            return null;
        }
        return node;
    }

    private <T> T wrongType(String name, String expected) {
        problem(name, "must be " + expected);
        return null;
    }
}
