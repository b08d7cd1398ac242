package org.erpinsight.crm.api;

/** Criteria for finding the ERP customer behind a CRM record; null criteria are ignored. */
public record PartyQuery(String name, String vatNumber, String emailDomain, String phone, int limit) {
}
