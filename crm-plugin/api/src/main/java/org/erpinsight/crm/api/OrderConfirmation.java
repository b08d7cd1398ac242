package org.erpinsight.crm.api;

/** Confirmed, or still a draft with the credit warning the user must accept. */
public record OrderConfirmation(boolean confirmed, Order order, CreditWarning creditWarning) {
}
