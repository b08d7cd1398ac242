package org.erpinsight.sidecar.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The port every ERP adapter implements: the one place a new ERP plugs in. The core validates
 * input before calling it, so an adapter sees well-formed numbers, limits, lines and keys.
 * Lookups answer empty for unknown numbers; the core turns that into the contract's 404.
 * Failures the caller can act on are {@link ErpException}s with the contract's code; an
 * adapter that cannot reach its ERP throws one with {@link ErrorCode#ERP_UNAVAILABLE}.
 * Writes receive a {@link WriteRequest}: the adapter keeps its idempotency key with the
 * record in the ERP, so that a retry on any sidecar instance finds the first result.
 */
public interface ErpAdapter extends AutoCloseable {

    /** A short name for logs and /health, e.g. "reference" or "tryton". */
    String name();

    Optional<Party> customer(String number);

    Optional<Party> supplier(String number);

    /** Customers matching any of the query's criteria, best match first, at most {@code query.limit()}. */
    List<Party> searchCustomers(PartyQuery query);

    /** Suppliers matching any of the query's criteria, best match first, at most {@code query.limit()}. */
    List<Party> searchSuppliers(PartyQuery query);

    PartyPage parties(PartyKind kind, int offset, int limit);

    Optional<CustomerOverview> customerOverview(String number);

    Optional<SupplierOverview> supplierOverview(String number);

    /** Empty when the customer is unknown. */
    Optional<InvoicePage> invoices(String customerNumber, InvoiceFilter filter, int offset, int limit);

    /** The invoice as a PDF document; empty when the invoice is unknown. */
    Optional<byte[]> invoiceDocument(String invoiceNumber);

    /** Empty when the customer is unknown. */
    Optional<OrderPage> orders(String customerNumber, int offset, int limit);

    Optional<Order> order(String orderNumber);

    /** Empty when the customer is unknown. */
    Optional<List<ProjectSummary>> projects(String customerNumber);

    Optional<ProjectOverview> projectOverview(String projectNumber);

    /** Projects whose number or name contains the text, at most {@code limit}. */
    List<ProjectSummary> searchProjects(String text, int limit);

    List<Item> searchItems(String text, int limit);

    /**
     * Prices lines for a customer on a date as the ERP would on an order.
     *
     * @throws ErpException CUSTOMER_NOT_FOUND or ITEM_NOT_FOUND
     */
    PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines);

    /**
     * Creates a customer or supplier with a name and, optionally, a number (else the ERP picks
     * one) and a VAT number; a retry of the same request answers the party created first.
     *
     * @throws ErpException DUPLICATE_NUMBER or IDEMPOTENCY_KEY_REUSED
     */
    Party createParty(PartyKind kind, String name, String number, String vatNumber, WriteRequest write);

    /**
     * Creates a draft order with ERP-priced lines; a retry of the same request answers the order
     * created first.
     *
     * @throws ErpException CUSTOMER_NOT_FOUND, ITEM_NOT_FOUND or IDEMPOTENCY_KEY_REUSED
     */
    Order createOrder(String customerNumber, String reference, List<LineRequest> lines, WriteRequest write);

    /** @throws ErpException ORDER_NOT_FOUND, ORDER_NOT_DRAFT or ITEM_NOT_FOUND */
    Order replaceOrderLines(String orderNumber, List<LineRequest> lines);

    /**
     * Confirms a draft. When the order would take the customer over its credit limit and the
     * warning is not accepted, the order stays a draft and the answer carries the warning.
     * Confirming a confirmed order answers it as it is.
     *
     * @throws ErpException ORDER_NOT_FOUND
     */
    OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning);

    /** Whether the ERP answers right now; must return within a second or two. */
    boolean reachable();

    @Override
    void close();
}
