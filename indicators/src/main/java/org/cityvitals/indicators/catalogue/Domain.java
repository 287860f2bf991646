package org.cityvitals.indicators.catalogue;

/** The area of city operations an indicator belongs to; YAML names are the lower-case constant names. */
public enum Domain {
    AIR_ENVIRONMENT("空气与环境", "Air & environment"),
    TRAFFIC("交通", "Traffic"),
    WATER("供水", "Water supply"),
    POWER("电力", "Power"),
    GAS("燃气", "Gas"),
    WEATHER_FLOODING("气象与防汛", "Weather & flooding"),
    PUBLIC_SAFETY("公共安全(110/119/120)", "Public safety (110/119/120)"),
    HOTLINE_12345("12345市民热线", "12345 citizen hotline"),
    INFRASTRUCTURE("城市设施", "Infrastructure"),
    /** The platform's own data: completeness, freshness and rejections per sensor network. Platform staff only. */
    DATA_QUALITY("数据质量", "Data quality"),
    /**
     * The operations centre itself: how fast it acknowledges, dispatches and resolves situations. Measured by the
     * dashboard server from the responses it records, not from readings; judged, never part of a district's health.
     */
    OPERATIONS_CENTRE("城市运行管理中心", "Operations centre"),
    /** Series users bring themselves (a generic time series), watched for anomalies. */
    CUSTOM("自定义序列", "Custom series");

    private final String zh;
    private final String en;

    Domain(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Who the domain's alerts are for: data quality is the platform's business, not a district's. */
    public boolean platform() {
        return this == DATA_QUALITY;
    }

    /**
     * Whether the domain's indicators count in the health score: the platform's data quality and the centre's own
     * response times say how the platform and its staff are doing, not how the city is.
     */
    public boolean countsInHealth() {
        return this != DATA_QUALITY && this != OPERATIONS_CENTRE;
    }

    /**
     * Whether the domain is one of the city's vital-sign panels on the screens. Data quality is summarised by its own
     * panel; a series a user brought is read in its chart and the history API, not on the city's wall; the centre's
     * response times are read in the history API and the daily report.
     */
    public boolean onCityWall() {
        return this != DATA_QUALITY && this != CUSTOM && this != OPERATIONS_CENTRE;
    }
}
