package org.cityvitals.indicators;

import java.util.Locale;

/**
 * The one casing convention for enum values outside the JVM: lower-case constant names ({@code red},
 * {@code level_changed}, {@code higher_is_worse}) in event JSON, signal JSON, WebSocket frames, ClickHouse
 * {@code Enum8} columns, YAML and flags alike. Enums with names people type differently (incident sources such
 * as {@code 12345}) say so in their own {@code jsonName()}.
 */
public final class WireNames {
    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose wire name is {@code wireName}.
     * @throws IllegalArgumentException naming the expected names
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wireName)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(of(constant));
        }
        throw new IllegalArgumentException("'" + wireName + "' is not one of " + names);
    }
}
