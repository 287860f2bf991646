package org.cityvitals.ingest.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Streaming RFC 4180 reader: one record in memory at a time, quoted fields with {@code ""} escapes and embedded
 * line breaks, LF or CRLF endings. The first record is the header.
 */
public final class CsvReader implements Iterator<CsvRow>, Closeable {
    private final BufferedReader in;
    private final Map<String, Integer> columns;
    private long nextLine = 1;
    private CsvRow next;

    public CsvReader(InputStream input) {
        this.in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
        skipByteOrderMark();
        CsvRow header = readRecord(Map.of());
        if (header == null) {
            throw new IllegalArgumentException("empty CSV: no header line");
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            byName.put(header.fields().get(i).trim(), i);
        }
        this.columns = Collections.unmodifiableMap(byName);
        this.next = readRecord(columns);
    }

    /** The header's column names, in file order. */
    public Set<String> header() {
        return columns.keySet();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public CsvRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        CsvRow current = next;
        next = readRecord(columns);
        return current;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private CsvRow readRecord(Map<String, Integer> header) {
        try {
            return parseRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV near line " + nextLine, e);
        }
    }

    private CsvRow parseRecord(Map<String, Integer> header) throws IOException {
        int c = in.read();
        while (c == '\r' || c == '\n') { // blank lines carry no record
            if (c == '\n') nextLine++;
            c = in.read();
        }
        if (c == -1) {
            return null;
        }
        long startLine = nextLine;
        StringBuilder raw = new StringBuilder(256);
        StringBuilder field = new StringBuilder(32);
        List<String> fields = new ArrayList<>(header.isEmpty() ? 16 : header.size());
        boolean quoted = false;
        while (true) {
            if (c == -1) {
                fields.add(field.toString());
                return new CsvRow(startLine, raw.toString(), fields, header);
            }
            if (quoted) {
                if (c == '"') {
                    int peek = peek();
                    if (peek == '"') {
                        in.read();
                        raw.append('"');
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') nextLine++;
                    field.append((char) c);
                }
                raw.append((char) c);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                raw.append(',');
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') in.read();
                nextLine++;
                fields.add(field.toString());
                return new CsvRow(startLine, raw.toString(), fields, header);
            } else {
                if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else {
                    field.append((char) c);
                }
                raw.append((char) c);
            }
            c = in.read();
        }
    }

    private int peek() throws IOException {
        in.mark(1);
        int c = in.read();
        in.reset();
        return c;
    }

    private void skipByteOrderMark() {
        try {
            if (peek() == '\uFEFF') in.read();
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV header", e);
        }
    }
}
