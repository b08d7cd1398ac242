package org.erpinsight.crm.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.SupplierOverview;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ErpGateway service: routes each call to the sidecar configured under the source name,
 * and keeps the overviews it read so that pages can show the last known figures when a sidecar
 * is down.
 */
@Component(service = ErpGateway.class, configurationPid = GatewayConfiguration.PID)
@Designate(ocd = GatewayConfiguration.class)
public class SidecarGateway implements ErpGateway {
    private final Map<String, SidecarConnection> connections = new ConcurrentHashMap<>();
    private final LastKnown<CustomerOverview> overviews;
    private final LastKnown<SupplierOverview> supplierOverviews;
    private final LastKnown<ProjectOverview> projectOverviews;
    /** Invoice and order pages and project lists as a tab shows them: reused while fresh, never shown stale. */
    private final LastKnown<Object> lists;

    @Activate
    public SidecarGateway(GatewayConfiguration config) {
        this(config, Clock.systemUTC());
    }

    SidecarGateway(GatewayConfiguration config, Clock clock) {
        Duration fresh = Duration.ofSeconds(Math.max(0, config.freshSeconds()));
        Duration keep = Duration.ofHours(Math.max(0, config.keepLastKnownHours()));
        this.overviews = new LastKnown<>(fresh, keep, 5_000, clock);
        this.supplierOverviews = new LastKnown<>(fresh, keep, 2_000, clock);
        this.projectOverviews = new LastKnown<>(fresh, keep, 2_000, clock);
        this.lists = new LastKnown<>(fresh, Duration.ZERO, 5_000, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnection(SidecarConnection connection) {
        connections.put(connection.source(), connection);
    }

    void removeConnection(SidecarConnection connection) {
        connections.remove(connection.source(), connection);
    }

    @Override
    public Set<String> sources() {
        return new TreeSet<>(connections.keySet());
    }

    @Override
    public Optional<Party> customer(String source, String customerNumber) {
        return connection(source).call(c -> c.customer(customerNumber));
    }

    @Override
    public List<Party> searchCustomers(String source, PartyQuery query) {
        return connection(source).call(c -> c.searchCustomers(query));
    }

    @Override
    public List<Party> searchSuppliers(String source, PartyQuery query) {
        return connection(source).call(c -> c.searchSuppliers(query));
    }

    @Override
    public List<ProjectSummary> searchProjects(String source, String text, int limit) {
        return connection(source).call(c -> c.searchProjects(text, limit));
    }

    @Override
    public CustomerOverview customerOverview(String source, String customerNumber) {
        return connection(source).call(c -> c.customerOverview(customerNumber));
    }

    @Override
    public InvoicePage invoices(String source, String customerNumber, InvoiceStatus status, int offset, int limit) {
        return (InvoicePage) lists.fresh(List.of("invoices", source, customerNumber, String.valueOf(status), offset, limit),
                () -> connection(source).call(c -> c.invoices(customerNumber, status, offset, limit)));
    }

    @Override
    public OrderPage orders(String source, String customerNumber, int offset, int limit) {
        return (OrderPage) lists.fresh(List.of("orders", source, customerNumber, offset, limit),
                () -> connection(source).call(c -> c.orders(customerNumber, offset, limit)));
    }

    /** After an order write the Orders tab must show it at once, not after the lists' freshness. */
    private <T> T forgettingOrders(String source, T written) {
        lists.forget(key -> key instanceof List<?> k && k.get(0).equals("orders") && k.get(1).equals(source));
        return written;
    }

    @Override
    public PriceQuote quote(String source, String customerNumber, List<LineRequest> lines) {
        return connection(source).call(c -> c.quote(customerNumber, lines));
    }

    @Override
    public Order createOrder(String source, String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines) {
        return forgettingOrders(source, connection(source).call(c -> c.createOrder(idempotencyKey, customerNumber, reference, lines)));
    }

    @Override
    public OrderConfirmation confirmOrder(String source, String orderNumber, boolean acceptCreditWarning) {
        return forgettingOrders(source, connection(source).call(c -> c.confirmOrder(orderNumber, acceptCreditWarning)));
    }

    @Override
    public Optional<Order> order(String source, String orderNumber) {
        return connection(source).call(c -> c.order(orderNumber));
    }

    @Override
    public Order replaceOrderLines(String source, String orderNumber, List<LineRequest> lines) {
        return forgettingOrders(source, connection(source).call(c -> c.replaceOrderLines(orderNumber, lines)));
    }

    @Override
    public List<Item> searchItems(String source, String text, int limit) {
        return connection(source).call(c -> c.searchItems(text, limit));
    }

    @Override
    public Optional<Party> supplier(String source, String supplierNumber) {
        return connection(source).call(c -> c.supplier(supplierNumber));
    }

    @Override
    public SupplierOverview supplierOverview(String source, String supplierNumber) {
        return connection(source).call(c -> c.supplierOverview(supplierNumber));
    }

    @Override
    public ErpReading<SupplierOverview> readSupplierOverview(String source, String supplierNumber) {
        return supplierOverviews.read(List.of(source, supplierNumber), () -> supplierOverview(source, supplierNumber));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ProjectSummary> projects(String source, String customerNumber) {
        return (List<ProjectSummary>) lists.fresh(List.of("projects", source, customerNumber),
                () -> connection(source).call(c -> c.projects(customerNumber)));
    }

    @Override
    public ProjectOverview projectOverview(String source, String projectNumber) {
        return connection(source).call(c -> c.projectOverview(projectNumber));
    }

    @Override
    public ErpReading<ProjectOverview> readProjectOverview(String source, String projectNumber) {
        return projectOverviews.read(List.of(source, projectNumber), () -> projectOverview(source, projectNumber));
    }

    @Override
    public Party createParty(String source, String idempotencyKey, PartyKind kind, String name, String number, String vatNumber) {
        return connection(source).call(c -> c.createParty(idempotencyKey, kind, name, number, vatNumber));
    }

    @Override
    public byte[] invoiceDocument(String source, String invoiceNumber) {
        return connection(source).call(c -> c.invoiceDocument(invoiceNumber));
    }

    @Override
    public ErpReading<CustomerOverview> readCustomerOverview(String source, String customerNumber) {
        return overviews.read(java.util.List.of(source, customerNumber), () -> customerOverview(source, customerNumber));
    }

    @Override
    public PartyPage parties(String source, PartyKind kind, int offset, int limit) {
        return connection(source).call(c -> c.parties(kind, offset, limit));
    }

    private SidecarConnection connection(String source) {
        SidecarConnection connection = connections.get(source);
        if (connection == null) {
            throw new ErpGatewayException(ErpErrorCode.UNKNOWN_SOURCE, "No sidecar is configured as source '" + source
                    + "'; add one under 'ERP Insight sidecar' in the Web Console configuration");
        }
        return connection;
    }
}
