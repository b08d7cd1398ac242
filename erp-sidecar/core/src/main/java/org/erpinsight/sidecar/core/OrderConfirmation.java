package org.erpinsight.sidecar.core;

/** The result of confirming: confirmed, or still a draft with the credit warning to accept. */
public record OrderConfirmation(boolean confirmed, Order order, CreditWarning creditWarning) {
}
