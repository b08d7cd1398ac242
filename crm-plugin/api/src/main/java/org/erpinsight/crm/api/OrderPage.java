package org.erpinsight.crm.api;

import java.util.List;

/** One page of a customer's orders, newest first. */
public record OrderPage(int offset, int limit, int total, List<Order> orders) {
    public OrderPage {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
