package org.cityvitals.store.query;

import org.cityvitals.store.ClickHouse;
import org.cityvitals.store.situation.HandoverNote;
import org.cityvitals.store.situation.HandoverNoteTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Shift handover notes ({@code handover_notes}): dashboard-server writes each note and reads back those of the
 * caller's areas (statement {@code sql/situation/handover-notes.sql}). Blocking: call off the event loop.
 */
public final class HandoverNotes extends RecordLog<HandoverNote> {

    public HandoverNotes(ClickHouse clickHouse, String database) {
        super(clickHouse, database, new HandoverNoteTable(), HandoverNotes::note);
    }

    /** Writes a note; a retried write folds into the same row by the note's id. */
    public void record(HandoverNote note) throws SQLException {
        write(note);
    }

    /** The notes of {@code areas} written since {@code since}, newest first, at most {@code limit}. */
    public List<HandoverNote> recent(Collection<String> areas, Instant since, int limit) throws SQLException {
        return read("situation/handover-notes", String.join(",", areas), since.getEpochSecond(), limit);
    }

    private static HandoverNote note(ResultSet rs) throws SQLException {
        return new HandoverNote(rs.getString(1), rs.getString(2), rs.getString(3), Columns.instant(rs.getLong(4)),
                rs.getString(5));
    }
}
