package org.erpinsight.crm.api.links;

/** What a CRM record is linked to in the ERP. */
public enum LinkKind {
    CUSTOMER, SUPPLIER, PROJECT
}
