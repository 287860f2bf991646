package org.cityvitals.store;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes rows in ClickHouse's RowBinary format, each column as the server declares its type. Binary rows cost
 * the client and the server a fraction of what text rows cost to format and parse, which on a shared 2-core machine
 * is most of the insert time. Knows nothing of the JDBC driver; {@link ClickHouse} sends the bytes.
 */
final class RowBinary {

    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*=\\s*(-?\\d+)");

    private final String table;
    private final List<String> columns;
    private final List<String> types;
    private final List<Encoder> encoders = new ArrayList<>();

    /** @param types the server's type of each column, in {@code columns} order */
    RowBinary(String table, List<String> columns, List<String> types) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        for (int i = 0; i < columns.size(); i++) {
            encoders.add(encoder(types.get(i), table + "." + columns.get(i)));
        }
    }

    byte[] encode(List<Object[]> rows) {
        Buffer out = new Buffer(rows.size() * 16 * columns.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " for " + table + " has " + row.length
                        + " values for " + columns.size() + " columns " + columns);
            }
            for (int c = 0; c < row.length; c++) {
                try {
                    encoders.get(c).write(row[c], out);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("cannot write value " + describe(row[c]) + " of row " + r
                            + " into " + table + "." + columns.get(c) + " (" + types.get(c) + "): " + e.getMessage(),
                            e);
                }
            }
        }
        return out.bytes();
    }

    @FunctionalInterface
    private interface Encoder {
        void write(Object value, Buffer out);
    }

    private static Encoder encoder(String type, String column) {
        if (type.startsWith("Nullable(")) {
            Encoder inner = encoder(inner(type), column);
            return (v, out) -> {
                out.put(v == null ? 1 : 0, 1);
                if (v != null) {
                    inner.write(v, out);
                }
            };
        }
        if (type.startsWith("LowCardinality(")) {
            return notNull(encoder(inner(type), column));
        }
        if (type.startsWith("Enum8(")) {
            Map<String, Integer> codes = enumCodes(type);
            return notNull((v, out) -> {
                Integer code = codes.get(v.toString());
                if (code == null) {
                    throw new IllegalArgumentException("not one of " + codes.keySet());
                }
                out.put(code, 1);
            });
        }
        Encoder plain = switch (type) {
            case "String" -> (v, out) -> out.string(v.toString());
            case "Float64" -> (v, out) -> out.put(Double.doubleToRawLongBits(((Number) v).doubleValue()), 8);
            case "Float32" -> (v, out) -> out.put(Float.floatToRawIntBits(((Number) v).floatValue()), 4);
            case "UInt8", "Int8" -> (v, out) -> out.put(((Number) v).longValue(), 1);
            case "UInt16", "Int16" -> (v, out) -> out.put(((Number) v).longValue(), 2);
            case "UInt32", "Int32" -> (v, out) -> out.put(((Number) v).longValue(), 4);
            case "UInt64", "Int64" -> (v, out) -> out.put(((Number) v).longValue(), 8);
            case "DateTime" -> (v, out) -> out.put(epochSecond(v), 4);
            case "Date" -> (v, out) -> out.put(epochDay(v), 2);
            default -> throw new IllegalArgumentException("cannot insert into " + column + ": its type " + type
                    + " is not one the RowBinary insert knows");
        };
        return notNull(plain);
    }

    private static Encoder notNull(Encoder encoder) {
        return (v, out) -> {
            if (v == null) {
                throw new IllegalArgumentException("null in a column that is not Nullable");
            }
            encoder.write(v, out);
        };
    }

    private static String inner(String type) {
        return type.substring(type.indexOf('(') + 1, type.length() - 1);
    }

    private static Map<String, Integer> enumCodes(String type) {
        Map<String, Integer> codes = new HashMap<>();
        Matcher m = ENUM_VALUE.matcher(type);
        while (m.find()) {
            codes.put(m.group(1).replace("\\'", "'"), Integer.parseInt(m.group(2)));
        }
        return codes;
    }

    /** Seconds since 1970 as a DateTime holds them: an unsigned 32-bit count, 1970-01-01 to 2106-02-07. */
    private static long epochSecond(Object v) {
        long seconds = v instanceof Timestamp t ? Math.floorDiv(t.getTime(), 1000) : ((Instant) v).getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("outside the range of a DateTime (1970-01-01 to 2106-02-07 UTC)");
        }
        return seconds;
    }

    private static long epochDay(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        return ((LocalDate) v).toEpochDay();
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }

    /** A growing little-endian byte buffer. */
    private static final class Buffer {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        void put(long value, int width) {
            ensure(width);
            for (int i = 0; i < width; i++) {
                bytes[size++] = (byte) (value >>> (8 * i));
            }
        }

        /** LEB128 length, then UTF-8 bytes. */
        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length + 5);
            int length = utf8.length;
            do {
                byte b = (byte) (length & 0x7f);
                length >>>= 7;
                bytes[size++] = (byte) (length == 0 ? b : b | 0x80);
            } while (length != 0);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
