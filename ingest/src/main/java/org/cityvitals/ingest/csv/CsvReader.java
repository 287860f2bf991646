package org.cityvitals.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
 * line breaks, LF or CRLF endings, a leading byte-order mark skipped. The first record is the header. Reads through
 * its own character buffer rather than a {@code BufferedReader}, whose per-character lock was the replay's largest
 * parsing cost.
 */
public final class CsvReader implements Iterator<CsvRow>, Closeable {
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final Map<String, Integer> columns;
    private final StringBuilder raw = new StringBuilder(256);
    private final StringBuilder quoted = new StringBuilder(32);
    private long nextLine = 1;
    private CsvRow next;

    public CsvReader(InputStream input) {
        this.in = new InputStreamReader(input, StandardCharsets.UTF_8);
        if (peek() == '\uFEFF') read();
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
        int c = read();
        while (c == '\r' || c == '\n') { // blank lines carry no record
            if (c == '\n') nextLine++;
            c = read();
        }
        if (c == -1) {
            return null;
        }
        long startLine = nextLine;
        raw.setLength(0);
        List<String> fields = new ArrayList<>(header.isEmpty() ? 16 : header.size());
        int fieldStart = 0;
        boolean inQuotes = false;
        boolean wasQuoted = false; // the field began with a quote: its text is built in 'quoted', not cut from raw
        while (true) {
            if (c == -1 || !inQuotes && (c == ',' || c == '\n' || c == '\r')) {
                fields.add(wasQuoted ? quoted.toString() : raw.substring(fieldStart));
                if (c != ',') {
                    if (c == '\r' && peek() == '\n') read();
                    if (c != -1) nextLine++;
                    return new CsvRow(startLine, raw.toString(), fields, header);
                }
                raw.append(',');
                fieldStart = raw.length();
                wasQuoted = false;
            } else if (inQuotes) {
                if (c == '"' && peek() == '"') {
                    read();
                    raw.append('"');
                    quoted.append('"');
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    if (c == '\n') nextLine++;
                    quoted.append((char) c);
                }
                raw.append((char) c);
            } else {
                if (c == '"' && raw.length() == fieldStart) {
                    inQuotes = true;
                    wasQuoted = true;
                    quoted.setLength(0);
                } else if (wasQuoted) {
                    quoted.append((char) c); // text after a closing quote stays part of the field
                }
                raw.append((char) c);
            }
            c = read();
        }
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            limit = Math.max(0, in.read(buffer, 0, buffer.length));
            position = 0;
            return limit > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV near line " + nextLine, e);
        }
    }
}
