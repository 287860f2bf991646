package org.cityvitals.dashboard.situation;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.catalogue.Hazard;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.Inhibition;
import org.cityvitals.indicators.catalogue.SituationRules;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.indicators.city.District;
import org.cityvitals.indicators.level.Level;
import org.cityvitals.indicators.signal.AlertAction;
import org.cityvitals.indicators.signal.AlertActionKind;
import org.cityvitals.indicators.signal.AlertAudience;
import org.cityvitals.indicators.signal.AlertEvent;
import org.cityvitals.store.situation.MaintenanceWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns alert transitions and the actions on situations into situations, deterministically: a district's situations
 * are a function of the set of its episodes and of the actions taken, never of the order they arrived in, so every
 * dashboard instance that has read the same Kafka records holds the same situations with the same ids.
 *
 * <p>Grouping: the episodes of one district whose indicators belong to one hazard (or, outside every hazard, to one
 * indicator) are taken in order of the instant their condition began; an episode joins the group before it while any
 * member is open or within the hazard's window after the last one resolved, unless a person resolved the situation
 * before the episode began. Inhibition: an episode of an inhibition's target indicator whose condition overlaps an
 * episode of the inhibition's source hazard joins that source's situation as a suppressed member. Only live
 * operations alerts enter; backfills and platform alarms never form situations. Maintenance: a member that planned
 * work explains ({@link Maintenance}) carries the window's id. Not thread-safe: one event loop.
 */
public final class SituationBook {

    /** How long a resolved situation is kept after its last change (by the event times it has seen). */
    static final Duration KEEP_RESOLVED = Duration.ofDays(1);

    private final SituationRules rules;
    private final IndicatorCatalogue catalogue;
    private final Maintenance maintenance;
    private final Map<String, Map<String, Episode>> episodesByDistrict = new HashMap<>();
    private final Map<String, Map<String, AlertAction>> actionsBySituation = new HashMap<>();
    private final Map<String, Map<String, Situation>> situationsByDistrict = new HashMap<>();
    private final Map<String, String> suppressedBy = new HashMap<>();
    /** Districts whose situations must be derived again: recorded inputs wait for {@link #settle}. */
    private final Set<String> dirty = new java.util.LinkedHashSet<>();

    public SituationBook(SituationRules rules, IndicatorCatalogue catalogue, Maintenance maintenance) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.maintenance = maintenance;
    }

    /** The maintenance windows changed: every district's members are checked against them again at {@link #settle}. */
    public void recheckMaintenance() {
        dirty.addAll(episodesByDistrict.keySet());
    }

    /** What one input changed: situations new or different, and ids that no longer exist (merged into another). */
    public record Changes(List<Situation> changed, List<String> withdrawn) {
        static final Changes NONE = new Changes(List.of(), List.of());

        public boolean isEmpty() {
            return changed.isEmpty() && withdrawn.isEmpty();
        }
    }

    /** Takes an alert transition in and derives its district's situations again. */
    public Changes apply(AlertEvent event) {
        record(event);
        return settle();
    }

    /** Takes an action in and derives again; actions on alerts rather than situations change nothing here. */
    public Changes apply(AlertAction action) {
        record(action);
        return settle();
    }

    /**
     * Takes an alert transition in without deriving yet: a replay of thousands of transitions of one district then
     * costs one derivation per {@link #settle}, not one per transition.
     */
    public void record(AlertEvent event) {
        if (!event.pushedLive() || event.audience() != AlertAudience.OPERATIONS) {
            return;
        }
        Episode episode = episodesByDistrict.computeIfAbsent(event.district(), d -> new HashMap<>())
                .computeIfAbsent(event.alertId(), id -> new Episode(event));
        if (episode.apply(event)) {
            dirty.add(event.district());
        }
    }

    /** Takes an action in without deriving yet. */
    public void record(AlertAction action) {
        if (SituationIds.isSituation(action.alertId())
                && actionsBySituation.computeIfAbsent(action.alertId(), id -> new LinkedHashMap<>())
                .putIfAbsent(action.actionId(), action) == null) {
            dirty.add(action.district());
        }
    }

    /** Derives the situations of every district with inputs recorded since the last call; what changed. */
    public Changes settle() {
        if (dirty.isEmpty()) {
            return Changes.NONE;
        }
        List<Situation> changed = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (String district : List.copyOf(dirty)) {
            Changes c = recompute(district);
            changed.addAll(c.changed());
            withdrawn.addAll(c.withdrawn());
        }
        dirty.clear();
        return new Changes(changed, withdrawn);
    }

    public Optional<Situation> find(String id) {
        return situationsByDistrict.values().stream().map(s -> s.get(id)).filter(Objects::nonNull).findFirst();
    }

    /** Every situation known, newest opening first. */
    public List<Situation> all() {
        return situationsByDistrict.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing(Situation::openedAt).reversed().thenComparing(Situation::id)).toList();
    }

    /** The id of the situation whose inhibition explains {@code alertId}, if any. */
    public Optional<String> suppressedBy(String alertId) {
        return Optional.ofNullable(suppressedBy.get(alertId));
    }

    /** Whether an action with this id was taken on the situation (an escalation already sent, by any instance). */
    public boolean hasAction(String situationId, String actionId) {
        return actionsBySituation.getOrDefault(situationId, Map.of()).containsKey(actionId);
    }

    /** The first action with this id recorded on the situation: the one that counts when two instances sent it. */
    public Optional<AlertAction> action(String situationId, String actionId) {
        return Optional.ofNullable(actionsBySituation.getOrDefault(situationId, Map.of()).get(actionId));
    }

    private Changes recompute(String district) {
        Map<String, Episode> episodes = episodesByDistrict.getOrDefault(district, Map.of());
        Map<String, Situation> before = situationsByDistrict.getOrDefault(district, Map.of());
        Map<String, Situation> after = new LinkedHashMap<>();
        group(district, episodes.values()).forEach(s -> after.put(s.id(), s));
        forgetOldResolved(district, episodes, after);
        suppressedBy.values().removeIf(before::containsKey);
        after.values().forEach(s -> s.suppressedAlertIds().forEach(a -> suppressedBy.put(a, s.id())));
        situationsByDistrict.put(district, after);
        List<Situation> changed = after.values().stream().filter(s -> !s.equals(before.get(s.id()))).toList();
        List<String> withdrawn = before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList();
        return new Changes(changed, withdrawn);
    }

    /** A group of episodes on its way to a situation. */
    private static final class Group {
        final String id;
        final String hazard;
        final Duration window;
        final Instant resolvedByPerson;
        final List<Episode> members = new ArrayList<>();
        final List<Episode> suppressed = new ArrayList<>();
        /** Kept as members join, so that joining stays constant-time in a district with thousands of alerts. */
        private int openMembers;
        private Instant lastResolved;

        Group(String id, String hazard, Duration window, Instant resolvedByPerson) {
            this.id = id;
            this.hazard = hazard;
            this.window = window;
            this.resolvedByPerson = resolvedByPerson;
        }

        /** Whether an episode whose condition began at {@code since} belongs here. */
        boolean takes(Instant since) {
            if (resolvedByPerson != null && !since.isBefore(resolvedByPerson)) {
                return false;
            }
            return openMembers > 0 || !since.isAfter(lastResolved.plus(window));
        }

        void add(Episode e) {
            members.add(e);
            Instant resolvedAt = e.resolvedAt();
            if (resolvedAt == null) {
                openMembers++;
            } else if (lastResolved == null || resolvedAt.isAfter(lastResolved)) {
                lastResolved = resolvedAt;
            }
        }
    }

    private List<Situation> group(String district, Collection<Episode> episodes) {
        List<Episode> ordered = episodes.stream()
                .sorted(Comparator.comparing((Episode e) -> e.since).thenComparing(e -> e.alertId)).toList();
        Map<String, List<Group>> byHazard = new LinkedHashMap<>();
        List<Episode> candidatesForSuppression = new ArrayList<>();
        for (Episode e : ordered) {
            if (!rules.inhibitionsOf(e.indicatorId).isEmpty()) {
                candidatesForSuppression.add(e);
                continue;
            }
            join(district, byHazard, e);
        }
        for (Episode e : candidatesForSuppression) {
            Optional<Group> explaining = rules.inhibitionsOf(e.indicatorId).stream().map(Inhibition::source)
                    .flatMap(source -> byHazard.getOrDefault(source, List.of()).stream())
                    .filter(g -> g.members.stream().anyMatch(m -> m.overlaps(e.since, e.resolvedAt())))
                    .findFirst();
            if (explaining.isPresent()) {
                explaining.get().suppressed.add(e);
            } else {
                join(district, byHazard, e);
            }
        }
        return byHazard.values().stream().flatMap(List::stream).map(g -> situation(district, g)).toList();
    }

    private void join(String district, Map<String, List<Group>> byHazard, Episode e) {
        Optional<Hazard> hazard = rules.hazardOf(e.indicatorId);
        String key = hazard.map(Hazard::id).orElse(e.indicatorId);
        List<Group> groups = byHazard.computeIfAbsent(key, k -> new ArrayList<>());
        Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
        if (last == null || !last.takes(e.since)) {
            String id = SituationIds.of(district, key, e.since);
            last = new Group(id, key, hazard.map(Hazard::window).orElse(Duration.ZERO), personResolution(id)
                    .map(AlertAction::actedAt).orElse(null));
            groups.add(last);
        }
        last.add(e);
    }

    private Optional<AlertAction> personResolution(String situationId) {
        return firstOfKind(situationId, AlertActionKind.RESOLVE);
    }

    private Optional<AlertAction> firstOfKind(String situationId, AlertActionKind kind) {
        return actionsBySituation.getOrDefault(situationId, Map.of()).values().stream()
                .filter(a -> a.kind() == kind).min(Comparator.comparing(AlertAction::actedAt));
    }

    private Situation situation(String district, Group g) {
        Level level = g.members.stream().map(Episode::worst).max(Comparator.naturalOrder()).orElse(Level.NORMAL);
        Instant openedAt = g.members.stream().map(Episode::openedAt).min(Comparator.naturalOrder()).orElseThrow();
        List<AlertAction> actions = List.copyOf(actionsBySituation.getOrDefault(g.id, Map.of()).values());
        Situation.Resolution resolution = personResolution(g.id).map(SituationBook::resolution).orElse(null);
        boolean open = resolution == null && g.openMembers > 0;
        List<Situation.TimelineEntry> timeline = Stream.concat(
                        Stream.concat(g.members.stream(), g.suppressed.stream()).flatMap(e -> e.timeline().stream()),
                        actions.stream().map(SituationBook::entry))
                .sorted(Comparator.comparing(Situation.TimelineEntry::at)
                        .thenComparing(t -> Objects.toString(t.alertId(), ""))
                        .thenComparing(t -> Objects.toString(t.actionId(), "")))
                .toList();
        Instant updatedAt = timeline.get(timeline.size() - 1).at();
        List<Situation.Member> members = Stream.concat(g.members.stream().map(e -> member(district, e, false)),
                g.suppressed.stream().map(e -> member(district, e, true))).toList();
        return new Situation(g.id, district, g.hazard, title(district, g.hazard), level,
                open ? Situation.State.OPEN : Situation.State.RESOLVED, openedAt, updatedAt,
                members.stream().map(Situation.Member::alertId).toList(),
                g.suppressed.stream().map(e -> e.alertId).toList(), members, timeline,
                firstOfKind(g.id, AlertActionKind.ACKNOWLEDGE).orElse(null),
                firstOfKind(g.id, AlertActionKind.ASSIGN).orElse(null), resolution,
                actions.stream().filter(a -> a.kind() == AlertActionKind.ESCALATE).toList());
    }

    private Situation.Member member(String district, Episode e, boolean suppressed) {
        return e.member(suppressed, maintenance.explaining(e.indicatorId, district, e.since)
                .map(MaintenanceWindow::windowId).orElse(null));
    }

    private static Situation.TimelineEntry entry(AlertAction a) {
        return new Situation.TimelineEntry(a.actedAt(), WireNames.of(a.kind()), null, a.actionId(), null, a.user(),
                a.note());
    }

    private static Situation.Resolution resolution(AlertAction a) {
        return new Situation.Resolution(a.user(), a.cause(), a.note(), a.actedAt());
    }

    /** "黄浦区 暴雨内涝" and "Rainstorm flooding in Huangpu"; an indicator's name outside every hazard. */
    private Situation.Title title(String district, String hazardKey) {
        Optional<District> d = CityProfiles.ofArea(district).district(district);
        String placeZh = d.map(District::nameZh).orElse(CityProfiles.ofArea(district).nameZh());
        String placeEn = d.map(District::nameEn).orElse(CityProfiles.ofArea(district).nameEn());
        Optional<Hazard> hazard = rules.hazards().stream().filter(h -> h.id().equals(hazardKey)).findFirst();
        String zh = hazard.map(Hazard::nameZh).orElseGet(() -> catalogue.byId(hazardKey).map(i -> i.nameZh())
                .orElse(hazardKey));
        String en = hazard.map(Hazard::nameEn).orElseGet(() -> catalogue.byId(hazardKey).map(i -> i.nameEn())
                .orElse(hazardKey));
        return new Situation.Title(placeZh + " " + zh, en + " in " + placeEn);
    }

    /**
     * Forgets a district's situations resolved more than {@link #KEEP_RESOLVED} before the newest thing it has seen:
     * their episodes and actions, so memory stays bounded. By event time, so every instance forgets the same.
     */
    private void forgetOldResolved(String district, Map<String, Episode> episodes, Map<String, Situation> current) {
        Instant newest = current.values().stream().map(Situation::updatedAt).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
        Set<String> old = current.values().stream()
                .filter(s -> !s.open() && s.updatedAt().plus(KEEP_RESOLVED).isBefore(newest))
                .map(Situation::id).collect(Collectors.toSet());
        for (String id : old) {
            current.get(id).alertIds().forEach(episodes::remove);
            actionsBySituation.remove(id);
            current.remove(id);
        }
    }
}
