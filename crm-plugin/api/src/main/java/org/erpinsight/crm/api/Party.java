package org.erpinsight.crm.api;

/** A customer or supplier as the ERP knows it. Optional fields are null when the ERP has no value. */
public record Party(String number, PartyKind kind, String name, String vatNumber, String email, String phone,
                    String postcode, String city, String countryCode, String currency, boolean blocked) {
}
