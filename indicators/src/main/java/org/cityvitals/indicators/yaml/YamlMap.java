package org.cityvitals.indicators.yaml;

import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.Durations;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read through SnakeYAML's node API so every value keeps its line number. Typed getters report
 * a problem (missing, wrong type) to the shared {@link YamlProblems} and return null, so a loader can go on and
 * report everything wrong with a file in one pass.
 */
public final class YamlMap {

    private final MappingNode node;
    private final YamlProblems problems;
    /** Dotted path of this mapping inside its item ({@code "window."}), so messages name nested fields fully. */
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, YamlProblems problems, String path) {
        this.node = node;
        this.problems = problems;
        this.path = path;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                problems.add(tuple.getKeyNode(), "keys must be plain scalars");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problems.add(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
    }

    /** Parses a whole document whose top level must be a mapping; null (with a problem) otherwise. */
    public static YamlMap parse(Reader reader, YamlProblems problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.addAtLine(line, "YAML syntax error: " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problems.addAtLine(1, "YAML error: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.addAtLine(1, "empty file");
            return null;
        }
        return of(root, "the document", problems);
    }

    /** {@code node} as a mapping, or null with a problem naming {@code what} it should have been. */
    public static YamlMap of(Node node, String what, YamlProblems problems) {
        return of(node, what, problems, "");
    }

    private static YamlMap of(Node node, String what, YamlProblems problems, String path) {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(mapping, problems, path);
        }
        problems.add(node, what + " must be a mapping");
        return null;
    }

    public Node node() {
        return node;
    }

    public YamlProblems problems() {
        return problems;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node of {@code key}, or null when absent (with a "missing field" problem when required). */
    public Node value(String key, boolean required) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            if (required) {
                problems.add(node, "missing field '" + path + key + "'");
            }
            return null;
        }
        return tuple.getValueNode();
    }

    /** The node of {@code key} itself, for problems about the key rather than its value. */
    public Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    public void allowOnly(Set<String> allowed) {
        entries.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problems.add(tuple.getKeyNode(), "unknown field '" + path + key + "'");
            }
        });
    }

    public String string(String key, boolean required) {
        Node value = value(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)
                || scalar.getValue().isBlank()) {
            problems.add(value, "'" + path + key + "' must be a non-empty text");
            return null;
        }
        return scalar.getValue();
    }

    public Double number(String key, boolean required) {
        Node value = value(key, required);
        return value == null ? null : number(value, "'" + path + key + "'");
    }

    /** A plain YAML int or float scalar as a double; null with a problem otherwise. */
    public Double number(Node value, String what) {
        if (value instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            try {
                double parsed = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // YAML 1.1 also allows forms like 0x1F or 1:30; we report them like any non-number below
            }
        }
        problems.add(value, what + " must be a number");
        return null;
    }

    /** A duration in the platform's one syntax ({@link Durations}). */
    public Duration duration(String key, boolean required) {
        Node value = value(key, required);
        if (value == null) {
            return null;
        }
        try {
            return Durations.parse(value instanceof ScalarNode s ? s.getValue() : null);
        } catch (IllegalArgumentException e) {
            problems.add(value, "'" + path + key + "' must be a duration like 30s, 5m, 1h or 1d");
            return null;
        }
    }

    public YamlMap map(String key, boolean required) {
        Node value = value(key, required);
        return value == null ? null : of(value, "'" + path + key + "'", problems, path + key + ".");
    }

    /** Items of a YAML sequence; empty (with a problem if it is not a sequence) when absent or wrong. */
    public List<Node> list(String key, boolean required) {
        Node value = value(key, required);
        if (value == null) {
            return List.of();
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.add(value, "'" + path + key + "' must be a list");
        return List.of();
    }

    /**
     * Items of a list of mappings (each {@code what}, e.g. "a metric") that may hold only {@code fields}: an item that
     * is not a mapping is reported and skipped; a field not allowed is reported and the item kept.
     */
    public List<YamlMap> maps(String key, boolean required, String what, Set<String> fields) {
        List<YamlMap> maps = new ArrayList<>();
        for (Node item : list(key, required)) {
            YamlMap m = of(item, what, problems);
            if (m != null) {
                m.allowOnly(fields);
                maps.add(m);
            }
        }
        return maps;
    }

    /** Items of a list of texts; invalid items are reported and skipped. */
    public List<String> strings(String key, boolean required) {
        List<String> result = new ArrayList<>();
        for (Node item : list(key, required)) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                result.add(scalar.getValue());
            } else {
                problems.add(item, "items of '" + path + key + "' must be non-empty texts");
            }
        }
        return result;
    }

    /** A text naming an enum constant by its wire name ({@code higher_is_worse}); null with a problem otherwise. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
        Node value = value(key, required);
        return value == null ? null : enumValue(value, path + key, type);
    }

    /** The same for any node, e.g. an item of a list. */
    public <E extends Enum<E>> E enumValue(Node value, String what, Class<E> type) {
        String text = value instanceof ScalarNode scalar ? scalar.getValue() : null;
        try {
            return WireNames.parse(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(value, "unknown " + what + " '" + text + "', expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList()));
            return null;
        }
    }

    /** A YAML boolean ({@code true}/{@code false}); false when absent, with a problem when it is anything else. */
    public boolean flag(String key) {
        Node value = value(key, false);
        if (value == null) {
            return false;
        }
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue());
        }
        problems.add(value, "'" + path + key + "' must be true or false");
        return false;
    }
}
