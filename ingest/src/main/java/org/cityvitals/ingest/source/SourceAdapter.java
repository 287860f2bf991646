package org.cityvitals.ingest.source;

import org.cityvitals.indicators.city.CityProfile;
import org.cityvitals.indicators.sensor.Sensor;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/** Maps the rows of one public data set to canonical events on its city's profile, streaming. */
public interface SourceAdapter {

    /** Data set name used by {@code replay --dataset}. */
    String name();

    /** The city profile the data set lands on. */
    CityProfile city();

    /** Streams the mapped rows of {@code input}; closing the iterator closes the input. */
    RowIterator open(InputStream input);

    /** The sensors of every reading mapped so far, as the adapter defined them (first reading of each). */
    List<Sensor> sensorsCreated();

    interface RowIterator extends Iterator<MappedRow>, AutoCloseable {
        @Override
        void close();
    }
}
