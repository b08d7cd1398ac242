package org.erpinsight.crm.api.host;

import java.util.Objects;

/** Points at one CRM record: its type and the host's id for it. */
public record RecordRef(RecordType type, String id) {
    public RecordRef {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("A record id must have 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return type.id() + "/" + id;
    }
}
