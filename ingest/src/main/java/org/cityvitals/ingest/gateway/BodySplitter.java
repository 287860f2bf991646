package org.cityvitals.ingest.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.cityvitals.indicators.signal.RejectReason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a request body into items: a JSON array or NDJSON, one item per non-blank line. NDJSON lines are judged one by one, so one bad line (invalid UTF-8, broken JSON) does not spoil the others;
 * a broken array is one error for the whole body, since nothing after the break can be located reliably.
 */
final class BodySplitter {
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory());

    /** The items of a body, or {@code overCap}: more than the cap, counted up to one past it and not read further. */
    record Split(List<BodyItem> items, boolean overCap) {
    }

    private final int maxItems;

    BodySplitter(int maxItems) {
        this.maxItems = maxItems;
    }

    /**
     * The body's items, or a single unreadable item describing why the body as a whole cannot be read. An NDJSON
     * content type ({@code application/x-ndjson}) always means lines, even when the first line is an array;
     * otherwise a body starting with {@code [} is an array, and a body that is exactly one JSON object (possibly
     * spread over several lines) is one item.
     */
    Split split(byte[] body, String contentType) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("ndjson");
        int first = firstNonBlank(body);
        if (!ndjson && first < body.length && body[first] == '[') {
            return splitArray(body);
        }
        if (!ndjson && first < body.length && body[first] == '{' && isOneObject(body)) {
            return new Split(List.of(BodyItem.readable(1 + countNewlines(body, first), body)), false);
        }
        return splitLines(body);
    }

    private Split splitLines(byte[] body) {
        List<BodyItem> items = new ArrayList<>();
        long line = 1;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                // 0x0A never occurs inside a UTF-8 multi-byte sequence, so splitting bytes before decoding is safe
                byte[] raw = Arrays.copyOfRange(body, start, i > start && body[i - 1] == '\r' ? i - 1 : i);
                if (firstNonBlank(raw) < raw.length) {
                    items.add(lineItem(line, raw));
                    if (items.size() > maxItems) return new Split(List.of(), true);
                }
                line++;
                start = i + 1;
            }
        }
        return new Split(items, false);
    }

    private static BodyItem lineItem(long line, byte[] raw) {
        String invalid = invalidUtf8(raw);
        if (invalid != null) {
            return BodyItem.unreadable(line, raw, new ItemError(line, "$", RejectReason.INVALID_UTF8, invalid));
        }
        return BodyItem.readable(line, raw);
    }

    private Split splitArray(byte[] body) {
        String invalid = invalidUtf8(body);
        if (invalid != null) {
            return new Split(List.of(BodyItem.unreadable(1, body, new ItemError(1, "$", RejectReason.INVALID_UTF8,
                    invalid))), false);
        }
        List<BodyItem> items = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            parser.nextToken(); // '['
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new JsonParseException(parser, "array not closed");
                }
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode element = parser.readValueAsTree();
                items.add(BodyItem.readable(line, JSON.writeValueAsBytes(element)));
                if (items.size() > maxItems) return new Split(List.of(), true);
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the closing ']'");
            }
            return new Split(items, false);
        } catch (IOException e) {
            long line = e instanceof JsonParseException p && p.getLocation() != null ? p.getLocation().getLineNr() : 1;
            String detail = e instanceof JsonParseException p ? p.getOriginalMessage() : e.getMessage();
            return new Split(List.of(BodyItem.unreadable(line, body,
                    new ItemError(line, "$", RejectReason.BAD_JSON, "malformed JSON array: " + detail))), false);
        }
    }

    private static boolean isOneObject(byte[] body) {
        if (invalidUtf8(body) != null) return false;
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false; // not one object: judged line by line, where each error gets its own line number
        }
    }

    private static int countNewlines(byte[] bytes, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) if (bytes[i] == '\n') count++;
        return count;
    }

    /** Null when {@code bytes} are valid UTF-8, otherwise where they are not. */
    private static String invalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? "not valid UTF-8 at byte " + in.position() + " of the item" : null;
    }

    private static int firstNonBlank(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
        return i;
    }
}
