package org.erpinsight.crm.links.matching;

/**
 * What the matcher compares of a CRM record or an ERP party: its key (a record id or an ERP number),
 * name, VAT or organisation number, email, phone, postcode and country. Any but the key and name
 * may be missing.
 */
public record PartyFacts(String key, String name, String vatNumber, String email, String phone, String postcode, String countryCode) {
}
