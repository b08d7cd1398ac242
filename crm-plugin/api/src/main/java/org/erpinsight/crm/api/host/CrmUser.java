package org.erpinsight.crm.api.host;

import java.util.Set;

/** The signed-in CRM user and what the host allows them. */
public record CrmUser(String id, String displayName, Set<Permission> permissions) {
    public CrmUser {
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
