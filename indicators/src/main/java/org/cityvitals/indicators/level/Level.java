package org.cityvitals.indicators.level;

/** China's four-colour warning scale (IV blue … I red) plus normal, in rising severity. */
public enum Level {
    NORMAL("正常", "normal"),
    BLUE("蓝色", "blue"),
    YELLOW("黄色", "yellow"),
    ORANGE("橙色", "orange"),
    RED("红色", "red");

    private final String zh;
    private final String en;

    Level(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** 0 for normal up to 4 for red. */
    public int severity() {
        return ordinal();
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean atLeast(Level other) {
        return severity() >= other.severity();
    }
}
