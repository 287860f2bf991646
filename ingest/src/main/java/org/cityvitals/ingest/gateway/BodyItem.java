package org.cityvitals.ingest.gateway;

/**
 * One item of an ingest request: its 1-based line in the body, its JSON text, and — when it could not even be read
 * as JSON — why not.
 */
record BodyItem(long line, byte[] json, ItemError unreadable) {
    static BodyItem readable(long line, byte[] json) {
        return new BodyItem(line, json, null);
    }

    static BodyItem unreadable(long line, byte[] raw, ItemError error) {
        return new BodyItem(line, raw, error);
    }
}
