package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.ColumnTable;

/** {@code handover_notes}: one row per note; a retried write folds into the same row by its id. */
public final class HandoverNoteTable extends ColumnTable<HandoverNote> {

    private static final long serialVersionUID = 2L;

    public HandoverNoteTable() {
        super("handover_notes",
                column("note_id", HandoverNote::noteId),
                column("area", HandoverNote::area),
                column("author", HandoverNote::author),
                column("written_at", n -> Cells.time(n.writtenAt())),
                column("note", HandoverNote::note));
    }
}
