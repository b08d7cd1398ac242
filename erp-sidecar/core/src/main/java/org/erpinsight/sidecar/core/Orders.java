package org.erpinsight.sidecar.core;

import java.util.List;
import java.util.Objects;

/**
 * Use cases of order entry: list and read orders, create a draft with ERP-priced lines (safe to
 * retry with the same idempotency key), change its lines, confirm it with the credit check.
 */
public final class Orders {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private final ErpAdapter erp;

    public Orders(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public OrderPage list(String customerNumber, Integer offset, Integer limit) {
        String checked = Inputs.partyNumber(customerNumber);
        int o = Inputs.offset(offset);
        int l = Inputs.limit(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return ErpCalls.call(() -> erp.orders(checked, o, l))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }

    public Order get(String orderNumber) {
        String checked = Inputs.number(orderNumber, "an order number");
        return ErpCalls.call(() -> erp.order(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.ORDER_NOT_FOUND, "No order with number " + checked));
    }

    public Order create(String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines) {
        String key = Inputs.idempotencyKey(idempotencyKey);
        String customer = Inputs.partyNumber(customerNumber);
        String ref = Inputs.optionalText("reference", reference, 100);
        List<LineRequest> checked = Inputs.lines(lines);
        WriteRequest write = new WriteRequest(key, Fingerprints.of("order", customer, ref, checked));
        return ErpCalls.call(() -> erp.createOrder(customer, ref, checked, write));
    }

    public Order replaceLines(String orderNumber, List<LineRequest> lines) {
        String order = Inputs.number(orderNumber, "an order number");
        List<LineRequest> checked = Inputs.lines(lines);
        return ErpCalls.call(() -> erp.replaceOrderLines(order, checked));
    }

    public OrderConfirmation confirm(String orderNumber, Boolean acceptCreditWarning) {
        String order = Inputs.number(orderNumber, "an order number");
        return ErpCalls.call(() -> erp.confirmOrder(order, Boolean.TRUE.equals(acceptCreditWarning)));
    }
}
