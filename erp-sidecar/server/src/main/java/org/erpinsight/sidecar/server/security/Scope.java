package org.erpinsight.sidecar.server.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an API key may do: read (every lookup and price quotes), enter orders, administer parties. */
public enum Scope {
    READ, ORDERS, ADMIN,
    /** Reads the OData feed (/odata/v1) for reporting tools; a read key does not, so an analyst's key reads nothing else. */
    REPORT;

    /** Parses {@code read+orders}; an empty text means read only. */
    public static Set<Scope> parse(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (text == null || text.isBlank()) {
            scopes.add(READ);
            return scopes;
        }
        for (String part : text.split("\\+")) {
            try {
                scopes.add(valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown scope '" + part.strip() + "': use read, orders, admin, report joined by '+'");
            }
        }
        return scopes;
    }
}
