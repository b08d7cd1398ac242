package org.erpinsight.sidecar.core;

/**
 * Criteria for finding the ERP customer or supplier behind a CRM record. Null criteria are
 * ignored; at least one must be given (checked by {@link PartyLookup}).
 */
public record PartyQuery(String name, String vatNumber, String emailDomain, String phone, int limit) {
}
