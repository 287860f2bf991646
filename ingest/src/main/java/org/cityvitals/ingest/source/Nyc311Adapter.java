package org.cityvitals.ingest.source;

import org.cityvitals.indicators.city.CityProfiles;
import org.cityvitals.ingest.csv.CsvRow;

/**
 * NYC Open Data "311 Service Requests from 2010 to Present", placed on the five boroughs. Quirks: boroughs in
 * capitals ({@code STATEN ISLAND}), {@code Unspecified} when unknown (rejected as an unknown district); some rows
 * without coordinates (published without a location); open cases have no closed date.
 */
public final class Nyc311Adapter extends ServiceRequestAdapter {

    public Nyc311Adapter() {
        super("nyc-311", CityProfiles.byId("new-york"), new Columns("Unique Key", "Created Date", "Closed Date",
                "Complaint Type", "Descriptor", "Latitude", "Longitude"));
    }

    @Override
    protected String districtOf(CsvRow row) throws RowRejectedException {
        return district("Borough", row.get("Borough"));
    }
}
