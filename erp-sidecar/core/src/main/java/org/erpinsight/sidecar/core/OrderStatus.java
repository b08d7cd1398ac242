package org.erpinsight.sidecar.core;

/** A draft can still be changed; a confirmed order is the ERP's to deliver and invoice. */
public enum OrderStatus {
    DRAFT, CONFIRMED
}
