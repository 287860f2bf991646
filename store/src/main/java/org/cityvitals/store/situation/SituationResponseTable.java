package org.cityvitals.store.situation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@code situation_responses}: one row per situation, the newest version kept. */
public final class SituationResponseTable implements org.cityvitals.store.table.TableMapping<SituationResponse> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "situation_responses";
    }

    @Override
    public List<String> columns() {
        return List.of("situation_id", "district", "hazard", "level", "opened_at", "acknowledged", "acknowledged_at",
                "resolved", "resolved_at", "cause", "version");
    }

    @Override
    public Object[] row(SituationResponse r) {
        return new Object[] {r.situationId(), r.district(), r.hazard(), r.level(), Timestamp.from(r.openedAt()),
                r.acknowledgedAt() == null ? 0 : 1, Timestamp.from(orEpoch(r.acknowledgedAt())),
                r.resolvedAt() == null ? 0 : 1, Timestamp.from(orEpoch(r.resolvedAt())),
                r.cause() == null ? "" : r.cause(), r.version()};
    }

    private static Instant orEpoch(Instant t) {
        return t == null ? Instant.EPOCH : t;
    }
}
