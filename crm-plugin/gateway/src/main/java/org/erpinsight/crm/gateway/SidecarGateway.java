package org.erpinsight.crm.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
import org.erpinsight.crm.api.transport.SidecarClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ErpGateway service: routes each call to the sidecar configured under the source name,
 * shares a read among the readers who ask for the same figures at the same moment, and keeps the
 * overviews it read so that pages can show the last known figures when a sidecar is down or busy.
 * {@link #background()} is the same gateway for the CRM's background work, whose calls wait
 * behind page views.
 */
@Component(service = ErpGateway.class, configurationPid = GatewayConfiguration.PID)
@Designate(ocd = GatewayConfiguration.class)
public class SidecarGateway implements ErpGateway {
    private final Map<String, SidecarConnection> connections;
    private final LastKnown<CustomerOverview> overviews;
    private final LastKnown<SupplierOverview> supplierOverviews;
    private final LastKnown<ProjectOverview> projectOverviews;
    /** Invoice and order pages and project lists as a tab shows them: reused while fresh, never shown stale. */
    private final LastKnown<Object> lists;
    private final CallQueue.Work work;
    private final SidecarGateway background;
    private final ThreadPoolExecutor renewer;

    @Activate
    public SidecarGateway(GatewayConfiguration config) {
        this(config, Clock.systemUTC());
    }

    SidecarGateway(GatewayConfiguration config, Clock clock) {
        Duration fresh = Duration.ofSeconds(Math.max(0, config.freshSeconds()));
        Duration keep = Duration.ofHours(Math.max(0, config.keepLastKnownHours()));
        Duration renew = Duration.ofSeconds(Math.max(0, config.renewSeconds()));
        this.connections = new ConcurrentHashMap<>();
        // a few threads renew figures that pages showed as they were; renewals beyond its line are dropped
        AtomicInteger threads = new AtomicInteger();
        this.renewer = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(2_000), r -> {
            Thread t = new Thread(r, "erpinsight-renew-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        renewer.allowCoreThreadTimeOut(true);
        // sized for a customer base of 10,000 customers' overviews and the lists of a few thousand records read within
        // their freshness (an invoice or order page is some KB: 8,000 of them stay within tens of MB of the host's heap)
        this.overviews = new LastKnown<>(fresh, keep, renew, renewer, 10_000, clock);
        this.supplierOverviews = new LastKnown<>(fresh, keep, renew, renewer, 3_000, clock);
        this.projectOverviews = new LastKnown<>(fresh, keep, renew, renewer, 5_000, clock);
        this.lists = new LastKnown<>(fresh, Duration.ZERO, renew, renewer, 8_000, clock);
        this.work = CallQueue.Work.PAGE;
        this.background = new SidecarGateway(this);
    }

    /** The background view of a gateway: the same connections and figures, calls in line behind page views. */
    private SidecarGateway(SidecarGateway pages) {
        this.connections = pages.connections;
        this.overviews = pages.overviews;
        this.supplierOverviews = pages.supplierOverviews;
        this.projectOverviews = pages.projectOverviews;
        this.lists = pages.lists;
        this.renewer = pages.renewer;
        this.work = CallQueue.Work.BACKGROUND;
        this.background = this;
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        renewer.shutdownNow();
    }

    @Override
    public ErpGateway background() {
        return background;
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

    /** A read shared with the readers of the same operation and arguments who ask at the same moment. */
    private <T> T read(String source, Function<SidecarClient, T> operation, Object... key) {
        SidecarConnection connection = connection(source);
        return connection.read(work, List.of(Arrays.asList(key), work), operation);
    }

    /** A write: never shared, never repeated by the gateway. */
    private <T> T write(String source, Function<SidecarClient, T> operation) {
        return connection(source).call(work, operation);
    }

    /** A list reused while fresh; readers of the same list at the same moment share one call. */
    private Object list(String source, Function<SidecarClient, ?> operation, Object... key) {
        SidecarConnection connection = connection(source);
        return lists.fresh(Arrays.asList(key), connection.shared(), connection.deadlineMillis(),
                () -> connection.call(work, operation));
    }

    private <T> ErpReading<T> reading(LastKnown<T> known, String source, Function<SidecarClient, T> operation, Object... key) {
        SidecarConnection connection = connection(source);
        return known.read(Arrays.asList(key), connection.shared(), connection.deadlineMillis(),
                waitIfBusy -> connection.call(work, waitIfBusy, operation));
    }

    @Override
    public Optional<Party> customer(String source, String customerNumber) {
        return read(source, c -> c.customer(customerNumber), "customer", customerNumber);
    }

    @Override
    public List<Party> searchCustomers(String source, PartyQuery query) {
        return read(source, c -> c.searchCustomers(query), "searchCustomers", query);
    }

    @Override
    public List<Party> searchSuppliers(String source, PartyQuery query) {
        return read(source, c -> c.searchSuppliers(query), "searchSuppliers", query);
    }

    @Override
    public List<ProjectSummary> searchProjects(String source, String text, int limit) {
        return read(source, c -> c.searchProjects(text, limit), "searchProjects", text, limit);
    }

    @Override
    public CustomerOverview customerOverview(String source, String customerNumber) {
        return read(source, c -> c.customerOverview(customerNumber), "customerOverview", customerNumber);
    }

    @Override
    public InvoicePage invoices(String source, String customerNumber, InvoiceStatus status, int offset, int limit) {
        return (InvoicePage) list(source, c -> c.invoices(customerNumber, status, offset, limit),
                "invoices", source, customerNumber, String.valueOf(status), offset, limit);
    }

    @Override
    public OrderPage orders(String source, String customerNumber, int offset, int limit) {
        return (OrderPage) list(source, c -> c.orders(customerNumber, offset, limit), "orders", source, customerNumber, offset, limit);
    }

    /** After an order write the Orders tab must show it at once, not after the lists' freshness. */
    private <T> T forgettingOrders(String source, T written) {
        lists.forget(key -> key instanceof List<?> k && k.get(0).equals("orders") && k.get(1).equals(source));
        return written;
    }

    @Override
    public PriceQuote quote(String source, String customerNumber, List<LineRequest> lines) {
        return read(source, c -> c.quote(customerNumber, lines), "quote", customerNumber, lines);
    }

    @Override
    public Order createOrder(String source, String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines) {
        return forgettingOrders(source, write(source, c -> c.createOrder(idempotencyKey, customerNumber, reference, lines)));
    }

    @Override
    public OrderConfirmation confirmOrder(String source, String orderNumber, boolean acceptCreditWarning) {
        return forgettingOrders(source, write(source, c -> c.confirmOrder(orderNumber, acceptCreditWarning)));
    }

    @Override
    public Optional<Order> order(String source, String orderNumber) {
        return read(source, c -> c.order(orderNumber), "order", orderNumber);
    }

    @Override
    public Order replaceOrderLines(String source, String orderNumber, List<LineRequest> lines) {
        return forgettingOrders(source, write(source, c -> c.replaceOrderLines(orderNumber, lines)));
    }

    @Override
    public List<Item> searchItems(String source, String text, int limit) {
        return read(source, c -> c.searchItems(text, limit), "searchItems", text, limit);
    }

    @Override
    public Optional<Party> supplier(String source, String supplierNumber) {
        return read(source, c -> c.supplier(supplierNumber), "supplier", supplierNumber);
    }

    @Override
    public SupplierOverview supplierOverview(String source, String supplierNumber) {
        return read(source, c -> c.supplierOverview(supplierNumber), "supplierOverview", supplierNumber);
    }

    @Override
    public ErpReading<SupplierOverview> readSupplierOverview(String source, String supplierNumber) {
        return reading(supplierOverviews, source, c -> c.supplierOverview(supplierNumber), source, supplierNumber);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ProjectSummary> projects(String source, String customerNumber) {
        return (List<ProjectSummary>) list(source, c -> c.projects(customerNumber), "projects", source, customerNumber);
    }

    @Override
    public ProjectOverview projectOverview(String source, String projectNumber) {
        return read(source, c -> c.projectOverview(projectNumber), "projectOverview", projectNumber);
    }

    @Override
    public ErpReading<ProjectOverview> readProjectOverview(String source, String projectNumber) {
        return reading(projectOverviews, source, c -> c.projectOverview(projectNumber), source, projectNumber);
    }

    @Override
    public Party createParty(String source, String idempotencyKey, PartyKind kind, String name, String number, String vatNumber) {
        return write(source, c -> c.createParty(idempotencyKey, kind, name, number, vatNumber));
    }

    @Override
    public byte[] invoiceDocument(String source, String invoiceNumber) {
        return read(source, c -> c.invoiceDocument(invoiceNumber), "invoiceDocument", invoiceNumber);
    }

    @Override
    public ErpReading<CustomerOverview> readCustomerOverview(String source, String customerNumber) {
        return reading(overviews, source, c -> c.customerOverview(customerNumber), source, customerNumber);
    }

    @Override
    public PartyPage parties(String source, PartyKind kind, int offset, int limit) {
        return read(source, c -> c.parties(kind, offset, limit), "parties", kind, offset, limit);
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
