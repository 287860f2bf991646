package org.cityvitals.indicators.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON names of one enum, looked up in a map built once (decoding runs per event). */
final class JsonEnum<E extends Enum<E>> {
    private final Map<String, E> byName = new LinkedHashMap<>();

    JsonEnum(E[] values, Function<E, String> jsonName) {
        for (E value : values) {
            byName.put(jsonName.apply(value), value);
        }
    }

    E find(String name) {
        return byName.get(name);
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
