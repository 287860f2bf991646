package org.cityvitals.ingest.source;

import org.cityvitals.indicators.signal.RejectReason;
import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

import java.util.Map;

/**
 * City of Boston 311 service requests, placed on the neighbourhoods of the Boston profile. Quirks: about 10 % of
 * rows name no neighbourhood; then the police district stands in (each Boston police district is named after the
 * neighbourhood it serves), written in two spellings ({@code E18} and {@code E-18}). Rows with neither are rejected
 * as missing a district; the catch-all neighbourhood "Boston" without a police district is an unknown district.
 */
public final class Boston311Adapter extends ServiceRequestAdapter {
    /** Boston Police Department districts and the neighbourhood each is named after. */
    private static final Map<String, String> POLICE_DISTRICT_NEIGHBOURHOOD = Map.ofEntries(
            Map.entry("A1", "downtown"), Map.entry("A7", "east-boston"), Map.entry("A15", "charlestown"),
            Map.entry("B2", "roxbury"), Map.entry("B3", "mattapan"), Map.entry("C6", "south-boston"),
            Map.entry("C11", "dorchester"), Map.entry("D4", "south-end"), Map.entry("D14", "brighton"),
            Map.entry("E5", "west-roxbury"), Map.entry("E13", "jamaica-plain"), Map.entry("E18", "hyde-park"));

    public Boston311Adapter() {
        super("boston-311", CityProfiles.byId("boston"), new Columns("CASE_ENQUIRY_ID", "OPEN_DT", "CLOSED_DT",
                "REASON", "TYPE", "LATITUDE", "LONGITUDE"));
    }

    @Override
    protected String districtOf(CsvRow row) throws RowRejectedException {
        String neighbourhood = row.get("neighborhood").trim();
        String policeDistrict = row.get("police_district").trim();
        if (!neighbourhood.isEmpty() && profile.resolve(neighbourhood).isPresent()) {
            return district("neighborhood", neighbourhood);
        }
        if (!policeDistrict.isEmpty()) {
            String named = POLICE_DISTRICT_NEIGHBOURHOOD.get(policeDistrict.replace("-", ""));
            if (named == null) {
                throw new RowRejectedException(RejectReason.UNKNOWN_DISTRICT, "column police_district: '"
                        + policeDistrict + "' is no Boston police district");
            }
            return district("police_district", named);
        }
        if (!neighbourhood.isEmpty()) {
            return district("neighborhood", neighbourhood); // names something, but nothing the profile knows
        }
        throw new RowRejectedException(RejectReason.MISSING_DISTRICT, "columns neighborhood and police_district"
                + " are both empty");
    }
}
