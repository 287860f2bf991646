package org.cityvitals.dashboard.open;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cityvitals.indicators.WireNames;
import org.cityvitals.indicators.access.Clearance;
import org.cityvitals.indicators.catalogue.IndicatorCatalogue;
import org.cityvitals.indicators.catalogue.IndicatorDefinition;
import org.cityvitals.indicators.governance.Classification;
import org.cityvitals.indicators.governance.ItemKind;
import org.cityvitals.indicators.governance.Owner;

import java.util.List;
import java.util.Optional;

/**
 * The open datasets — the catalogue's indicators of class open — and their list in DCAT-AP terms (JSON-LD: a
 * {@code dcat:Catalog} of {@code dcat:Dataset}s, each with its publisher, licence, update frequency and one
 * {@code dcat:Distribution} per format). Built once from the data standard.
 */
public final class OpenCatalogue {

    /** Where the feed lives; every path of the open API starts with it. */
    public static final String BASE = "/open/v1";
    public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String LICENCE_NAME = "CC BY 4.0";
    private static final String HOURLY = "http://publications.europa.eu/resource/authority/frequency/HOURLY";
    private static final String PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

    private final Classification classification;
    private final List<IndicatorDefinition> open;
    private final JsonObject dcat;

    public OpenCatalogue(IndicatorCatalogue catalogue, Classification classification) {
        this.classification = classification;
        this.open = catalogue.all().stream()
                .filter(d -> classification.indicatorClass(d.id()) == Clearance.OPEN).toList();
        this.dcat = new JsonObject()
                .put("@context", new JsonObject().put("dcat", "http://www.w3.org/ns/dcat#")
                        .put("dct", "http://purl.org/dc/terms/").put("foaf", "http://xmlns.com/foaf/0.1/"))
                .put("@type", "dcat:Catalog")
                .put("dct:title", texts("城市运行数字体征开放数据", "CityVitals open data"))
                .put("dct:description", texts("城市运行指标的小时值,按区和全市", "Hourly values of city "
                        + "operations indicators, per district and city-wide"))
                .put("dct:license", LICENCE)
                .put("dcat:dataset", new JsonArray(open.stream().map(this::dataset).toList()));
    }

    public JsonObject dcat() {
        return dcat;
    }

    /** The definition of an open dataset; empty for unknown ids and for indicators of any other class. */
    public Optional<IndicatorDefinition> dataset(String indicatorId) {
        return open.stream().filter(d -> d.id().equals(indicatorId)).findFirst();
    }

    /** Whom to credit for a dataset, as the licence asks: its owner, through this platform. */
    public String attribution(IndicatorDefinition d) {
        Owner owner = owner(d);
        return owner.nameZh() + " " + owner.nameEn() + ", via CityVitals (" + LICENCE_NAME + ")";
    }

    private Owner owner(IndicatorDefinition d) {
        String id = classification.item(ItemKind.INDICATOR, d.id())
                .orElseThrow().owner();
        return classification.owner(id).orElseThrow();
    }

    private JsonObject dataset(IndicatorDefinition d) {
        Owner owner = owner(d);
        String data = BASE + "/indicators/" + d.id() + "/hourly";
        return new JsonObject().put("@id", data).put("@type", "dcat:Dataset")
                .put("dct:identifier", d.id())
                .put("dct:title", texts(d.nameZh(), d.nameEn()))
                .put("dcat:theme", texts(d.domain().zh(), d.domain().en()))
                .put("dcat:keyword", new JsonArray().add(WireNames.of(d.domain())))
                .put("dct:publisher", new JsonObject().put("@type", "foaf:Agent")
                        .put("foaf:name", texts(owner.nameZh(), owner.nameEn())))
                .put("dct:license", LICENCE)
                .put("dct:rights", attribution(d))
                .put("dct:accessRights", PUBLIC)
                .put("dct:accrualPeriodicity", HOURLY)
                .put("unit", d.unit())
                .put("dcat:distribution", new JsonArray()
                        .add(distribution(data + "?area={area}&day={yyyy-mm-dd}", "application/json"))
                        .add(distribution(data + "?area={area}&day={yyyy-mm-dd}&format=csv", "text/csv")));
    }

    private static JsonObject distribution(String url, String mediaType) {
        return new JsonObject().put("@type", "dcat:Distribution").put("dcat:accessURL", url)
                .put("dcat:mediaType", mediaType).put("dct:license", LICENCE);
    }

    private static JsonArray texts(String zh, String en) {
        return new JsonArray().add(new JsonObject().put("@language", "zh").put("@value", zh))
                .add(new JsonObject().put("@language", "en").put("@value", en));
    }
}
