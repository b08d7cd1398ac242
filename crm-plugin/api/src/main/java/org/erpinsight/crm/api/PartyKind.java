package org.erpinsight.crm.api;

/** What an ERP party is: a customer (we sell to it) or a supplier (we buy from it). */
public enum PartyKind {
    CUSTOMER, SUPPLIER
}
