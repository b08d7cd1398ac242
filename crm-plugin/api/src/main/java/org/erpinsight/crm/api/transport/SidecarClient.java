package org.erpinsight.crm.api.transport;

import java.util.List;
import java.util.Optional;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.SupplierOverview;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyQuery;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The contract's operations against one sidecar over one protocol. Failures are
 * {@link org.erpinsight.crm.api.ErpGatewayException}s carrying the contract's code.
 */
@ConsumerType
public interface SidecarClient extends AutoCloseable {

    /**
     * Asks the sidecar to answer without touching the ERP, over this transport: the connection
     * test's last step. Transports written before 1.1 cannot.
     *
     * @since 1.1
     */
    default void ping() {
        throw new UnsupportedOperationException("This transport cannot ping");
    }

    /**
     * For transports: the answer, or empty when the sidecar says the ERP has no such record
     * (the contract's NOT_FOUND), as the single-record reads promise.
     *
     * @since 1.1
     */
    static <T> Optional<T> unlessNotFound(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (org.erpinsight.crm.api.ErpGatewayException e) {
            if (e.code() == org.erpinsight.crm.api.ErpErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<Party> customer(String customerNumber);

    List<Party> searchCustomers(PartyQuery query);

    List<Party> searchSuppliers(PartyQuery query);

    List<ProjectSummary> searchProjects(String text, int limit);

    CustomerOverview customerOverview(String customerNumber);

    PartyPage parties(PartyKind kind, int offset, int limit);

    InvoicePage invoices(String customerNumber, InvoiceStatus status, int offset, int limit);

    byte[] invoiceDocument(String invoiceNumber);

    OrderPage orders(String customerNumber, int offset, int limit);

    PriceQuote quote(String customerNumber, List<LineRequest> lines);

    Order createOrder(String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines);

    OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning);

    /** One order; empty when the ERP has none with that number. */
    Optional<Order> order(String orderNumber);

    Order replaceOrderLines(String orderNumber, List<LineRequest> lines);

    List<Item> searchItems(String text, int limit);

    Optional<Party> supplier(String supplierNumber);

    SupplierOverview supplierOverview(String supplierNumber);

    List<ProjectSummary> projects(String customerNumber);

    ProjectOverview projectOverview(String projectNumber);

    Party createParty(String idempotencyKey, PartyKind kind, String name, String number, String vatNumber);

    @Override
    void close();
}
