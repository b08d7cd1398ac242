package org.erpinsight.crm.api.host;

/** The kinds of CRM record that ERP Insight links to the ERP. */
public enum RecordType {
    CONTACT, COMPANY, PROJECT;

    /** The lower-case name used in URLs and service properties. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RecordType fromId(String id) {
        for (RecordType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("No record type '" + id + "'");
    }
}
