package org.cityvitals.indicators;

/**
 * The checks a value type's constructor makes on its fields, with errors that name the field, so that every record
 * refuses a missing field the same way ({@code Fields.required("id", id, "district", district)}).
 */
public final class Fields {

    private Fields() {
    }

    /**
     * Refuses a null among required fields, given as name, value, name, value, …
     * @throws NullPointerException whose message is the name of the first field that is null, as
     *     {@code Objects.requireNonNull(value, name)} would throw it
     */
    public static void required(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come as name, value pairs: " + namesAndValues.length
                    + " arguments");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new NullPointerException((String) namesAndValues[i]);
            }
        }
    }

    /**
     * Refuses one of two fields that only make sense together (a latitude and its longitude) without the other.
     * @throws IllegalArgumentException "{@code first} and {@code second} must be both present or both null"
     */
    public static void together(String first, Object firstValue, String second, Object secondValue) {
        if ((firstValue == null) != (secondValue == null)) {
            throw new IllegalArgumentException(first + " and " + second + " must be both present or both null");
        }
    }
}
