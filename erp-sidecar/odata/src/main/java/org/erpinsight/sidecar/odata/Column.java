package org.erpinsight.sidecar.odata;

import java.util.function.Function;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/** One property of a feed's rows: its name in the feed, its EDM type, and how a row gives its value. */
record Column<T>(String name, EdmPrimitiveTypeKind type, Function<T, Object> value) {
    static <T> Column<T> text(String name, Function<T, Object> value) {
        return new Column<>(name, EdmPrimitiveTypeKind.String, value);
    }

    static <T> Column<T> decimal(String name, Function<T, Object> value) {
        return new Column<>(name, EdmPrimitiveTypeKind.Decimal, value);
    }

    static <T> Column<T> date(String name, Function<T, Object> value) {
        return new Column<>(name, EdmPrimitiveTypeKind.Date, value);
    }

    static <T> Column<T> whole(String name, Function<T, Object> value) {
        return new Column<>(name, EdmPrimitiveTypeKind.Int32, value);
    }

    static <T> Column<T> flag(String name, Function<T, Object> value) {
        return new Column<>(name, EdmPrimitiveTypeKind.Boolean, value);
    }
}
