package org.cityvitals.ingest.source;

import java.io.InputStream;
import java.util.Iterator;

/** Maps the rows of one public data set to canonical events on its city's profile, streaming. */
public interface SourceAdapter {

    /** Data set name used by {@code replay --dataset}. */
    String name();

    /** Streams the mapped rows of {@code input}; closing the iterator closes the input. */
    RowIterator open(InputStream input);

    interface RowIterator extends Iterator<MappedRow>, AutoCloseable {
        @Override
        void close();
    }
}
