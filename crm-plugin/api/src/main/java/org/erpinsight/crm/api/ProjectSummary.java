package org.erpinsight.crm.api;

/** One of a customer's projects in the ERP, by the number the ERP's users know it by. */
public record ProjectSummary(String number, String name, String customerNumber, String status) {
}
