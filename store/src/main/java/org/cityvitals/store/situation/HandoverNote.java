package org.cityvitals.store.situation;

import java.time.Instant;

/**
 * What a dispatcher leaves for the next shift of {@code area} (a district, or a city's code for its operations
 * centre): written once by {@code author} at {@code writtenAt}.
 */
public record HandoverNote(String noteId, String area, String author, Instant writtenAt, String note) {}
