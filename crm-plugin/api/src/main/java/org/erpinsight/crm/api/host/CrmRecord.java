package org.erpinsight.crm.api.host;

/**
 * A CRM record with the fields ERP Insight shows and matches on. Optional fields are null when
 * the host has no value; a contact's company fields may be those of its company.
 */
public record CrmRecord(RecordRef ref, String name, String vatNumber, String email, String phone, String postcode,
                        String countryCode) {
}
