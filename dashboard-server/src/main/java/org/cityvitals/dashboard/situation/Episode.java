package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.indicators.signal.AlertKind;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * What the book knows of one alert episode: every transition seen, by version, so that what it reports (its level,
 * worst level, whether and when it resolved, its timeline) does not depend on the order they arrived in — the
 * ClickHouse catch-up brings an episode's newest transition, the Kafka replay its older ones. Not thread-safe.
 */
final class Episode {

    final String alertId;
    final String indicatorId;
    final String rule;
    final Instant since;
    private final TreeMap<Integer, AlertEvent> byVersion = new TreeMap<>();

    Episode(AlertEvent first) {
        this.alertId = first.alertId();
        this.indicatorId = first.indicatorId();
        this.rule = first.rule();
        this.since = first.since();
    }

    /** Takes a transition in; false when this version is known already (a replay or a repeat). */
    boolean apply(AlertEvent event) {
        return byVersion.putIfAbsent(event.version(), event) == null;
    }

    private AlertEvent newest() {
        return byVersion.lastEntry().getValue();
    }

    boolean open() {
        return newest().kind() != AlertKind.RESOLVED;
    }

    /** When the episode resolved; null while it is open. */
    Instant resolvedAt() {
        return open() ? null : newest().eventTime();
    }

    /** The level of the newest transition that had one (a resolution has none). */
    Level level() {
        return byVersion.values().stream().filter(e -> e.kind() != AlertKind.RESOLVED).map(AlertEvent::level)
                .reduce((older, newer) -> newer).orElse(null);
    }

    Level worst() {
        return byVersion.values().stream().filter(e -> e.kind() != AlertKind.RESOLVED).map(AlertEvent::level)
                .max(Comparator.naturalOrder()).orElse(Level.NORMAL);
    }

    Instant openedAt() {
        return byVersion.values().stream().map(AlertEvent::eventTime).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Whether the episode's condition held at some time in {@code [from, to)} ({@code to} null: open). */
    boolean overlaps(Instant from, Instant to) {
        Instant resolvedAt = resolvedAt();
        return (to == null || since.isBefore(to)) && (resolvedAt == null || resolvedAt.isAfter(from));
    }

    List<Situation.TimelineEntry> timeline() {
        return byVersion.values().stream().map(e -> new Situation.TimelineEntry(e.eventTime(), WireNames.of(e.kind()),
                alertId, null, e.kind() == AlertKind.RESOLVED ? null : e.level(), null, null)).toList();
    }

    Situation.Member member(boolean suppressed, String maintenance) {
        return new Situation.Member(alertId, indicatorId, rule, level(), worst(), since, openedAt(), resolvedAt(),
                suppressed, maintenance);
    }
}
