package org.erpinsight.sidecar.core;

import java.util.Objects;

/** Use cases: a customer's and a supplier's financial overview, read live from the ERP. */
public final class Overviews {
    private final ErpAdapter erp;

    public Overviews(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public CustomerOverview customer(String customerNumber) {
        String checked = Inputs.partyNumber(customerNumber);
        return ErpCalls.call(() -> erp.customerOverview(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }

    public SupplierOverview supplier(String supplierNumber) {
        String checked = Inputs.partyNumber(supplierNumber);
        return ErpCalls.call(() -> erp.supplierOverview(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.SUPPLIER_NOT_FOUND, "No supplier with number " + checked));
    }
}
