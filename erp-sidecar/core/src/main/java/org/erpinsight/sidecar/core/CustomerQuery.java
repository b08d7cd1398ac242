package org.erpinsight.sidecar.core;

/**
 * Criteria for finding the ERP customer behind a CRM record. Null criteria are ignored; at
 * least one must be given (checked by {@link PartyLookup}).
 */
public record CustomerQuery(String name, String vatNumber, String emailDomain, String phone, int limit) {
}
