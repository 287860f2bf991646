package org.cityvitals.indicators.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Problems found in one YAML file, each as {@code file:line: problem} with a 1-based line. */
public final class YamlProblems {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    public YamlProblems(String file) {
        this.file = file;
    }

    public void add(Node at, String problem) {
        addAtLine(at.getStartMark().getLine() + 1, problem);
    }

    public void addAtLine(int line, String problem) {
        problems.add(file + ":" + line + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
