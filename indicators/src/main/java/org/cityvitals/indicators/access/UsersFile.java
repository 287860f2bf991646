package org.cityvitals.indicators.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.city.CityProfiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The users file: a JSON array of
 * {@code {"username", "password" (a PBKDF2 hash), "role", "displayName", "cities": ["shanghai"],
 * "districts": ["310101"] or ["*"], "clearance": "internal", "duty": []}}. {@code cities} defaults to the default
 * city profile, {@code clearance} to {@code internal}, {@code duty} to none; {@code "*"} gives every district of the
 * user's cities and their city-wide series. Every problem names the file and the user.
 */
public final class UsersFile {

    /** The district entry that grants every district of the user's cities. */
    public static final String ALL_DISTRICTS = "*";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UsersFile() {}

    /** @throws IllegalArgumentException naming {@code source}, the user and what is wrong */
    public static Map<String, PlatformUser> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of user objects");
        }
        Map<String, PlatformUser> users = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            String where = source + " user #" + (++index);
            PlatformUser user = user(entry, where);
            if (users.put(user.username(), user) != null) {
                throw new IllegalArgumentException(source + ": user '" + user.username() + "' is listed twice");
            }
        }
        return users;
    }

    /** One user as an entry of a users file: what {@link #parse} reads back as the same user. */
    public static String entry(PlatformUser user) {
        ObjectNode node = JSON.createObjectNode().put("username", user.username()).put("password", user.passwordHash())
                .put("displayName", user.displayName()).put("role", WireNames.of(user.role()))
                .put("clearance", WireNames.of(user.clearance()));
        new TreeSet<>(user.scope().cityIds()).forEach(node.putArray("cities")::add);
        List<String> districts = new ArrayList<>(new TreeSet<>(user.scope().districts()));
        if (user.scope().allDistricts()) {
            districts.add(0, ALL_DISTRICTS);
        }
        districts.forEach(node.putArray("districts")::add);
        user.duty().forEach(node.putArray("duty")::add);
        return node.toString();
    }

    /** The one user of an entry written by {@link #entry}; problems name {@code source}. */
    public static PlatformUser parseEntry(String entry, String source) {
        return parse("[" + entry + "]", source).values().iterator().next();
    }

    private static PlatformUser user(JsonNode u, String where) {
        String username = required(u, "username", where);
        where = where + " (" + username + ")";
        try {
            List<String> cities = texts(u, "cities", List.of(CityProfiles.DEFAULT_ID));
            cities.forEach(CityProfiles::byId);
            List<String> districts = texts(u, "districts", List.of());
            boolean all = districts.contains(ALL_DISTRICTS);
            Set<String> listed = new HashSet<>(districts);
            listed.remove(ALL_DISTRICTS);
            return new PlatformUser(username, required(u, "password", where),
                    u.path("displayName").asText(username),
                    WireNames.parse(Role.class, required(u, "role", where)),
                    new AccessScope(Set.copyOf(cities), all, listed),
                    WireNames.parse(Clearance.class, u.path("clearance").asText("internal")),
                    texts(u, "duty", List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode user, String field, String where) {
        String value = user.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + " lacks '" + field + "'");
        }
        return value;
    }

    private static List<String> texts(JsonNode user, String field, List<String> fallback) {
        JsonNode node = user.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
