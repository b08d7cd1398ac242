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

    /**
     * The reference {@link #toString()} wrote, e.g. {@code company/c-1001}.
     *
     * @throws IllegalArgumentException with a message for the user when it is not one
     */
    public static RecordRef parse(String text) {
        if (text == null || text.indexOf('/') < 1) {
            throw new IllegalArgumentException("A record is TYPE/ID, e.g. company/c-1001");
        }
        return new RecordRef(RecordType.fromId(text.substring(0, text.indexOf('/'))), text.substring(text.indexOf('/') + 1));
    }
}
