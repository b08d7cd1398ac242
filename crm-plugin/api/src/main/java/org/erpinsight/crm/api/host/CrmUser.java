package org.erpinsight.crm.api.host;

import java.util.Locale;
import java.util.Set;

/**
 * The signed-in CRM user, what the host allows them, and the language and conventions (numbers,
 * amounts, dates) the host shows them in. ERP Insight speaks English and Danish; any other locale
 * gets English.
 *
 * @since 1.1 the locale
 */
public record CrmUser(String id, String displayName, Set<Permission> permissions, Locale locale) {
    public CrmUser {
        permissions = Set.copyOf(permissions);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** A user shown English, as before hosts said otherwise. */
    public CrmUser(String id, String displayName, Set<Permission> permissions) {
        this(id, displayName, permissions, Locale.ENGLISH);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The same user in another locale (a host's language switch). */
    public CrmUser in(Locale other) {
        return new CrmUser(id, displayName, permissions, other);
    }
}
