package org.cityvitals.store.situation;

import org.cityvitals.store.table.Cells;
import org.cityvitals.store.table.TableMapping;

import java.util.List;

/** {@code handover_notes}: one row per note; a retried write folds into the same row by its id. */
public final class HandoverNoteTable implements TableMapping<HandoverNote> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "handover_notes";
    }

    @Override
    public List<String> columns() {
        return List.of("note_id", "area", "author", "written_at", "note");
    }

    @Override
    public Object[] row(HandoverNote n) {
        return new Object[] {n.noteId(), n.area(), n.author(), Cells.time(n.writtenAt()), n.note()};
    }
}
