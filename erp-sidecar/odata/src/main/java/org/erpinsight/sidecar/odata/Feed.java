package org.erpinsight.sidecar.odata;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entity set of the feed: its name and entity type, its key, its properties, an optional
 * collection of complex lines (an order's lines), where its rows come from, and which property a
 * filter can pin to read one customer's rows only.
 */
record Feed<T>(String set, String type, String key, List<Column<T>> columns, Lines<T, ?> lines, Source<T> source, String pinnable) {

    /** A collection of complex values in each row, such as an order's lines. */
    record Lines<T, L>(String name, String type, List<Column<L>> columns, Function<T, List<L>> of) {
    }

    Optional<Column<T>> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    Column<T> keyColumn() {
        return column(key).orElseThrow();
    }
}
