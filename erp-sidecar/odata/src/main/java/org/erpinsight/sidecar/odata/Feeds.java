package org.erpinsight.sidecar.odata;

import static org.erpinsight.sidecar.odata.Column.date;
import static org.erpinsight.sidecar.odata.Column.decimal;
import static org.erpinsight.sidecar.odata.Column.flag;
import static org.erpinsight.sidecar.odata.Column.text;
import static org.erpinsight.sidecar.odata.Column.whole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.Invoice;
import org.erpinsight.sidecar.core.InvoiceFilter;
import org.erpinsight.sidecar.core.Invoices;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderLine;
import org.erpinsight.sidecar.core.Orders;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;
import org.erpinsight.sidecar.core.UseCases;

/**
 * What the feed offers: customers, suppliers, invoices, orders with their lines, projects with
 * their figures, and customer overviews, each read through the use cases as the REST and SOAP
 * transports read them, each in the use cases' largest pages. Names follow OData's custom: entity
 * sets plural, properties PascalCase.
 */
final class Feeds {

    private final Map<String, Feed<?>> bySet = new LinkedHashMap<>();

    Feeds(UseCases uses) {
        add(new Feed<>("Customers", "Customer", "Number", partyColumns(), null, Sources.parties(uses, PartyKind.CUSTOMER), "Number"));
        add(new Feed<>("Suppliers", "Supplier", "Number", partyColumns(), null, Sources.parties(uses, PartyKind.SUPPLIER), "Number"));
        add(new Feed<Invoice>("Invoices", "Invoice", "Number", List.of(
                text("Number", Invoice::number), text("CustomerNumber", Invoice::customerNumber),
                date("InvoiceDate", Invoice::invoiceDate), date("DueDate", Invoice::dueDate), text("Currency", Invoice::currency),
                decimal("Amount", Invoice::amount), decimal("PaidAmount", Invoice::paidAmount), decimal("OpenAmount", Invoice::openAmount),
                text("Status", i -> i.status().name()), date("PaidDate", Invoice::paidDate)), null,
                Sources.perCustomer(uses, (customer, offset) -> uses.invoices().list(customer, InvoiceFilter.ALL, offset, Invoices.MAX_PAGE_SIZE).invoices()),
                "CustomerNumber"));
        add(new Feed<Order>("Orders", "Order", "Number", List.of(
                text("Number", Order::number), text("CustomerNumber", Order::customerNumber), date("OrderDate", Order::orderDate),
                text("Status", o -> o.status().name()), text("Currency", Order::currency), decimal("Total", Order::total),
                text("Reference", Order::reference)),
                new Feed.Lines<Order, OrderLine>("Lines", "OrderLine", List.of(
                        whole("LineNumber", OrderLine::lineNumber), text("ItemNumber", OrderLine::itemNumber),
                        text("Description", OrderLine::description), decimal("Quantity", OrderLine::quantity),
                        decimal("UnitPrice", OrderLine::unitPrice), decimal("DiscountPercent", OrderLine::discountPercent),
                        decimal("LineAmount", OrderLine::lineAmount), text("PriceRule", OrderLine::priceRule)), Order::lines),
                Sources.perCustomer(uses, (customer, offset) -> uses.orders().list(customer, offset, Orders.MAX_PAGE_SIZE).orders()),
                "CustomerNumber"));
        add(new Feed<ProjectRow>("Projects", "Project", "Number", List.of(
                text("Number", r -> r.summary().number()), text("Name", r -> r.summary().name()),
                text("CustomerNumber", r -> r.summary().customerNumber()), text("Status", r -> r.summary().status()),
                text("Currency", r -> r.figures().currency()), decimal("Budget", r -> r.figures().budget()),
                decimal("Hours", r -> r.figures().hours()), decimal("HoursCost", r -> r.figures().hoursCost()),
                decimal("TravelExpenses", r -> r.figures().travelExpenses()), decimal("OtherExpenses", r -> r.figures().otherExpenses()),
                decimal("Invoiced", r -> r.figures().invoiced()), decimal("NotInvoiced", r -> r.figures().notInvoiced()),
                decimal("Margin", r -> r.figures().margin())), null,
                Sources.perCustomer(uses, (customer, offset) -> {
                    if (offset > 0) {
                        return List.of();
                    }
                    List<ProjectRow> rows = new ArrayList<>();
                    for (ProjectSummary s : uses.projects().list(customer)) {
                        rows.add(new ProjectRow(s, uses.projects().overview(s.number())));
                    }
                    return rows;
                }), "CustomerNumber"));
        add(new Feed<CustomerOverview>("CustomerOverviews", "CustomerOverview", "CustomerNumber", List.of(
                text("CustomerNumber", CustomerOverview::customerNumber), text("Name", CustomerOverview::name),
                text("Currency", CustomerOverview::currency), decimal("Balance", CustomerOverview::balance),
                decimal("OverdueAmount", CustomerOverview::overdueAmount), whole("OpenInvoiceCount", CustomerOverview::openInvoiceCount),
                whole("OverdueInvoiceCount", CustomerOverview::overdueInvoiceCount), decimal("CreditLimit", CustomerOverview::creditLimit),
                decimal("CreditUsed", CustomerOverview::creditUsed), decimal("RevenueThisYear", CustomerOverview::revenueThisYear),
                decimal("RevenueLastYear", CustomerOverview::revenueLastYear), decimal("AverageDaysToPay", CustomerOverview::averageDaysToPay),
                date("LastInvoiceDate", CustomerOverview::lastInvoiceDate), date("LastPaymentDate", CustomerOverview::lastPaymentDate),
                flag("Blocked", CustomerOverview::blocked)), null,
                Sources.perCustomer(uses, (customer, offset) -> offset > 0 ? List.of() : List.of(uses.overviews().customer(customer))),
                "CustomerNumber"));
    }

    /** A project with its figures: one row of Projects. */
    record ProjectRow(ProjectSummary summary, ProjectOverview figures) {
    }

    private static List<Column<Party>> partyColumns() {
        return List.of(text("Number", Party::number), text("Name", Party::name), text("VatNumber", Party::vatNumber),
                text("Email", Party::email), text("Phone", Party::phone), text("Postcode", Party::postcode), text("City", Party::city),
                text("CountryCode", Party::countryCode), text("Currency", Party::currency), flag("Blocked", Party::blocked));
    }

    private void add(Feed<?> feed) {
        bySet.put(feed.set(), feed);
    }

    Feed<?> feed(String set) {
        return bySet.get(set);
    }

    List<Feed<?>> all() {
        return List.copyOf(bySet.values());
    }
}
