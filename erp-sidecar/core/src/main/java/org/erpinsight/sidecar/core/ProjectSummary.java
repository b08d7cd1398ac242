package org.erpinsight.sidecar.core;

/** A project as listed under its customer. */
public record ProjectSummary(String number, String name, String customerNumber, String status) {
}
