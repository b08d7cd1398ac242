package org.erpinsight.crm.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the ERP through a configured sidecar ("source"). Every call returns or fails within
 * the source's configured timeouts; failures are {@link ErpGatewayException}s.
 */
@ProviderType
public interface ErpGateway {

    /** The names of the configured sidecars. */
    Set<String> sources();

    /**
     * This gateway for the CRM's background work (bulk suggestions, imports, exports): its calls
     * wait behind page views for a sidecar's capacity and go with the sidecar's background API key
     * where one is configured, so that background work can never starve the users' pages.
     */
    default ErpGateway background() {
        return this;
    }

    Optional<Party> customer(String source, String customerNumber);

    List<Party> searchCustomers(String source, PartyQuery query);

    /** Suppliers matching the query (name, VAT number, email domain, phone), best first: suggestions for linking. */
    List<Party> searchSuppliers(String source, PartyQuery query);

    /** Projects whose number or name holds the text: suggestions for linking a CRM project. */
    List<ProjectSummary> searchProjects(String source, String text, int limit);

    /** @throws ErpGatewayException with {@link ErpErrorCode#NOT_FOUND} for an unknown number */
    CustomerOverview customerOverview(String source, String customerNumber);

    /**
     * The customer's overview for a page: read live (or from a cache of a few seconds); when the
     * sidecar or the ERP cannot answer, the last overview read, marked stale, if there is one.
     *
     * @throws ErpGatewayException when there is neither a fresh nor a last known overview, or the number is unknown
     */
    ErpReading<CustomerOverview> readCustomerOverview(String source, String customerNumber);

    PartyPage parties(String source, PartyKind kind, int offset, int limit);

    /** A customer's invoices, newest first; {@code status} null for all. */
    InvoicePage invoices(String source, String customerNumber, InvoiceStatus status, int offset, int limit);

    /** A customer's orders with their lines, newest first. */
    OrderPage orders(String source, String customerNumber, int offset, int limit);

    /** The ERP's prices for the lines, for the customer, today. */
    PriceQuote quote(String source, String customerNumber, List<LineRequest> lines);

    /**
     * Creates a draft order priced by the ERP. Safe to retry: the same {@code idempotencyKey} answers
     * the order made first, never a second one.
     */
    Order createOrder(String source, String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines);

    /** Confirms a draft; over the credit limit it stays a draft with a warning unless {@code acceptCreditWarning}. */
    OrderConfirmation confirmOrder(String source, String orderNumber, boolean acceptCreditWarning);

    /** One ERP order with its lines; empty when the ERP has none with that number. */
    Optional<Order> order(String source, String orderNumber);

    /** Replaces every line of a draft order with these, priced by the ERP; the order as it is now. */
    Order replaceOrderLines(String source, String orderNumber, List<LineRequest> lines);

    /** Items whose number or name contains the text. */
    List<Item> searchItems(String source, String text, int limit);

    Optional<Party> supplier(String source, String supplierNumber);

    SupplierOverview supplierOverview(String source, String supplierNumber);

    /** The supplier overview, or the last one read with its age when the sidecar or ERP is down. */
    ErpReading<SupplierOverview> readSupplierOverview(String source, String supplierNumber);

    /** The customer's projects. */
    List<ProjectSummary> projects(String source, String customerNumber);

    ProjectOverview projectOverview(String source, String projectNumber);

    /** The project overview, or the last one read with its age when the sidecar or ERP is down. */
    ErpReading<ProjectOverview> readProjectOverview(String source, String projectNumber);

    /**
     * Creates a customer or supplier in the ERP with only a name (and optionally a number and a
     * VAT number): the ERP keeps everything else. The same key answers the same party again.
     */
    Party createParty(String source, String idempotencyKey, PartyKind kind, String name, String number, String vatNumber);

    /** One invoice as the ERP's PDF document. */
    byte[] invoiceDocument(String source, String invoiceNumber);
}
