package org.erpinsight.sidecar.adapter.tryton;


import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.PartyQuery;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.InvoiceFilter;
import org.erpinsight.sidecar.core.InvoicePage;
import org.erpinsight.sidecar.core.Item;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderConfirmation;
import org.erpinsight.sidecar.core.OrderPage;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.PriceQuote;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;
import org.erpinsight.sidecar.core.SupplierOverview;
import org.erpinsight.sidecar.core.WriteRequest;

import org.erpinsight.sidecar.documents.InvoicePdf;
import org.erpinsight.sidecar.documents.OfficeConverter;

/** The contract over Tryton 6.0's JSON-RPC; each part of Tryton is one class (parties, ledgers, sales, projects). */
public final class TrytonErp implements ErpAdapter {
    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final TrytonLedgers ledgers;
    private final TrytonSales sales;
    private final TrytonProjects projects;

    private final TrytonDocuments documents;

    TrytonErp(TrytonSettings settings, Clock clock, Optional<OfficeConverter> office, InvoicePdf renderer) {
        this.tryton = new TrytonClient(settings);
        this.parties = new TrytonParties(tryton, settings.roles(), clock);
        this.ledgers = new TrytonLedgers(tryton, parties, clock);
        this.sales = new TrytonSales(tryton, parties, clock);
        this.projects = new TrytonProjects(tryton, parties, settings.expenses(), settings.projectNumber(), clock);
        this.documents = new TrytonDocuments(tryton, parties, office, renderer, settings.invoiceReport());
    }

    @Override
    public String name() {
        return "tryton";
    }

    @Override
    public Optional<Party> customer(String number) {
        return parties.find(PartyKind.CUSTOMER, number).map(TrytonParties.Found::party);
    }

    @Override
    public Optional<Party> supplier(String number) {
        return parties.find(PartyKind.SUPPLIER, number).map(TrytonParties.Found::party);
    }

    @Override
    public List<Party> searchCustomers(PartyQuery query) {
        return parties.search(PartyKind.CUSTOMER, query);
    }

    @Override
    public List<Party> searchSuppliers(PartyQuery query) {
        return parties.search(PartyKind.SUPPLIER, query);
    }

    @Override
    public List<ProjectSummary> searchProjects(String text, int limit) {
        return projects.search(text, limit);
    }

    @Override
    public PartyPage parties(PartyKind kind, int offset, int limit) {
        return parties.page(kind, offset, limit);
    }

    @Override
    public Optional<CustomerOverview> customerOverview(String number) {
        return ledgers.customerOverview(number);
    }

    @Override
    public Optional<SupplierOverview> supplierOverview(String number) {
        return ledgers.supplierOverview(number);
    }

    @Override
    public Optional<InvoicePage> invoices(String customerNumber, InvoiceFilter filter, int offset, int limit) {
        return ledgers.invoices(customerNumber, filter, offset, limit);
    }

    @Override
    public Optional<byte[]> invoiceDocument(String invoiceNumber) {
        return documents.invoice(invoiceNumber);
    }

    @Override
    public Optional<OrderPage> orders(String customerNumber, int offset, int limit) {
        return sales.orders(customerNumber, offset, limit);
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        return sales.order(orderNumber);
    }

    @Override
    public Optional<List<ProjectSummary>> projects(String customerNumber) {
        return projects.projects(customerNumber);
    }

    @Override
    public Optional<ProjectOverview> projectOverview(String projectNumber) {
        return projects.overview(projectNumber);
    }

    @Override
    public List<Item> searchItems(String text, int limit) {
        return sales.searchItems(text, limit);
    }

    @Override
    public PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines) {
        return sales.quote(customerNumber, date, lines);
    }

    @Override
    public Party createParty(PartyKind kind, String name, String number, String vatNumber, WriteRequest write) {
        return parties.create(kind, name, number, vatNumber, write);
    }

    @Override
    public Order createOrder(String customerNumber, String reference, List<LineRequest> lines, WriteRequest write) {
        return sales.create(customerNumber, reference, lines, write);
    }

    @Override
    public Order replaceOrderLines(String orderNumber, List<LineRequest> lines) {
        return sales.replaceLines(orderNumber, lines);
    }

    @Override
    public OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning) {
        return sales.confirm(orderNumber, acceptCreditWarning);
    }

    @Override
    public boolean reachable() {
        return tryton.ping();
    }

    @Override
    public void close() {
        // one HTTP client, no resources of its own to release on Java 17
    }
}
