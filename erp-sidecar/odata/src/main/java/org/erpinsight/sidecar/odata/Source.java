package org.erpinsight.sidecar.odata;

import java.util.Iterator;

/**
 * Where a feed's rows come from, in the ERP's own order, read page by page as they are consumed.
 * Every row carries the position just after it, so that the next page of the feed continues there
 * without reading the rows before again.
 */
interface Source<T> {
    /**
     * The rows from {@code position} (null: the first), restricted to one customer (or, for the
     * parties, one number) when the query pins it ({@code pinned}, else null).
     */
    Iterator<Positioned<T>> from(String position, String pinned);

    /** A row and the position after it. */
    record Positioned<T>(T row, String next) {
    }
}
