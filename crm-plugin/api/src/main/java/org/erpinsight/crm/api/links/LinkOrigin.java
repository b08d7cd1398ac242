package org.erpinsight.crm.api.links;

/** Where a link change came from, as the audit log keeps it. */
public enum LinkOrigin {
    /** A user on a record's page or in the link manager. */
    MANUAL,
    /** A suggestion, made at once above the admin's threshold or accepted from the review queue. */
    SUGGESTION,
    /** A CSV import. */
    IMPORT,
    /** The record's customer or supplier was created in the ERP and linked in the same step. */
    CREATED_IN_ERP,
    /** A script, through the JSON endpoints. */
    API
}
