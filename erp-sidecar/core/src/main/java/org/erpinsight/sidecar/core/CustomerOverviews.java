package org.erpinsight.sidecar.core;

import java.util.Objects;

/** Use case: a customer's financial overview, read live from the ERP. */
public final class CustomerOverviews {
    private final ErpAdapter erp;

    public CustomerOverviews(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public CustomerOverview overview(String customerNumber) {
        String checked = Inputs.partyNumber(customerNumber);
        return ErpCalls.call(() -> erp.customerOverview(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }
}
