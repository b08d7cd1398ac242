package org.erpinsight.sidecar.core;

/** What an ERP party is to the company: someone who buys from it or someone it buys from. */
public enum PartyKind {
    CUSTOMER, SUPPLIER
}
