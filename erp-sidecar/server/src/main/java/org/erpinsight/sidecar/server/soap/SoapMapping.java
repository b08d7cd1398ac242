package org.erpinsight.sidecar.server.soap;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import java.util.List;

import org.erpinsight.sidecar.core.CreditWarning;
import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.Invoice;
import org.erpinsight.sidecar.core.InvoicePage;
import org.erpinsight.sidecar.core.Item;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderConfirmation;
import org.erpinsight.sidecar.core.OrderLine;
import org.erpinsight.sidecar.core.OrderPage;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.PriceQuote;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;
import org.erpinsight.sidecar.core.SupplierOverview;
import org.erpinsight.sidecar.server.soap.generated.MonthlyRevenue;
import org.erpinsight.sidecar.server.soap.generated.PartyKind;
import org.erpinsight.sidecar.server.soap.generated.YearlyRevenue;

/** Core records to the WSDL's JAXB types. Amounts stay BigDecimal (xs:decimal) end to end. */
final class SoapMapping {
    private static final DatatypeFactory XML_TYPES;

    static {
        try {
            XML_TYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapMapping() {
    }

    static org.erpinsight.sidecar.server.soap.generated.Party party(Party p) {
        var x = new org.erpinsight.sidecar.server.soap.generated.Party();
        x.setNumber(p.number());
        x.setKind(PartyKind.valueOf(p.kind().name()));
        x.setName(p.name());
        x.setVatNumber(p.vatNumber());
        x.setEmail(p.email());
        x.setPhone(p.phone());
        x.setPostcode(p.postcode());
        x.setCity(p.city());
        x.setCountryCode(p.countryCode());
        x.setCurrency(p.currency());
        x.setBlocked(p.blocked());
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.PartyPage page(PartyPage page) {
        var x = new org.erpinsight.sidecar.server.soap.generated.PartyPage();
        x.setOffset(page.offset());
        x.setLimit(page.limit());
        x.setTotal(page.total());
        page.parties().forEach(p -> x.getParties().add(party(p)));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.CustomerOverview overview(CustomerOverview o) {
        var x = new org.erpinsight.sidecar.server.soap.generated.CustomerOverview();
        x.setCustomerNumber(o.customerNumber());
        x.setName(o.name());
        x.setCurrency(o.currency());
        x.setBalance(o.balance());
        x.setOverdueAmount(o.overdueAmount());
        x.setOpenInvoiceCount(o.openInvoiceCount());
        x.setOverdueInvoiceCount(o.overdueInvoiceCount());
        x.setCreditLimit(o.creditLimit());
        x.setCreditUsed(o.creditUsed());
        x.setRevenueThisYear(o.revenueThisYear());
        x.setRevenueLastYear(o.revenueLastYear());
        o.revenueByMonth().forEach(m -> {
            MonthlyRevenue r = new MonthlyRevenue();
            r.setMonth(XML_TYPES.newXMLGregorianCalendar(m.month().getYear(), m.month().getMonthValue(),
                    DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED,
                    DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED));
            r.setAmount(m.amount());
            x.getRevenueByMonth().add(r);
        });
        o.revenueByYear().forEach(y -> {
            YearlyRevenue r = new YearlyRevenue();
            r.setYear(y.year());
            r.setAmount(y.amount());
            x.getRevenueByYear().add(r);
        });
        x.setAverageDaysToPay(o.averageDaysToPay());
        x.setLastInvoiceDate(date(o.lastInvoiceDate()));
        x.setLastPaymentDate(date(o.lastPaymentDate()));
        x.setBlocked(o.blocked());
        x.setAsOf(instant(o.asOf()));
        return x;
    }

    private static XMLGregorianCalendar date(LocalDate date) {
        return date == null ? null : XML_TYPES.newXMLGregorianCalendar(date.toString());
    }

    static LocalDate date(XMLGregorianCalendar date) {
        return date == null ? null : LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    private static XMLGregorianCalendar instant(java.time.Instant instant) {
        return XML_TYPES.newXMLGregorianCalendar(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)));
    }

    static org.erpinsight.sidecar.core.PartyKind kind(PartyKind kind) {
        return kind == null ? null : org.erpinsight.sidecar.core.PartyKind.valueOf(kind.name());
    }

    static List<LineRequest> lines(List<org.erpinsight.sidecar.server.soap.generated.LineRequest> lines) {
        return lines == null ? null : lines.stream().map(l -> l == null ? null : new LineRequest(l.getItemNumber(), l.getQuantity())).toList();
    }

    static org.erpinsight.sidecar.server.soap.generated.SupplierOverview overview(SupplierOverview o) {
        var x = new org.erpinsight.sidecar.server.soap.generated.SupplierOverview();
        x.setSupplierNumber(o.supplierNumber());
        x.setName(o.name());
        x.setCurrency(o.currency());
        x.setPayableBalance(o.payableBalance());
        x.setPurchasesThisYear(o.purchasesThisYear());
        x.setPurchasesLastYear(o.purchasesLastYear());
        x.setOpenPurchaseOrderCount(o.openPurchaseOrderCount());
        x.setOpenPurchaseOrderAmount(o.openPurchaseOrderAmount());
        x.setAsOf(instant(o.asOf()));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.InvoicePage invoices(InvoicePage page) {
        var x = new org.erpinsight.sidecar.server.soap.generated.InvoicePage();
        x.setOffset(page.offset());
        x.setLimit(page.limit());
        x.setTotal(page.total());
        for (Invoice i : page.invoices()) {
            var y = new org.erpinsight.sidecar.server.soap.generated.Invoice();
            y.setNumber(i.number());
            y.setCustomerNumber(i.customerNumber());
            y.setInvoiceDate(date(i.invoiceDate()));
            y.setDueDate(date(i.dueDate()));
            y.setCurrency(i.currency());
            y.setAmount(i.amount());
            y.setPaidAmount(i.paidAmount());
            y.setOpenAmount(i.openAmount());
            y.setStatus(org.erpinsight.sidecar.server.soap.generated.InvoiceStatus.valueOf(i.status().name()));
            y.setPaidDate(date(i.paidDate()));
            x.getInvoices().add(y);
        }
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.OrderLine line(OrderLine l) {
        var x = new org.erpinsight.sidecar.server.soap.generated.OrderLine();
        x.setLineNumber(l.lineNumber());
        x.setItemNumber(l.itemNumber());
        x.setDescription(l.description());
        x.setQuantity(l.quantity());
        x.setUnitPrice(l.unitPrice());
        x.setDiscountPercent(l.discountPercent());
        x.setLineAmount(l.lineAmount());
        x.setPriceRule(l.priceRule());
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.Order order(Order o) {
        var x = new org.erpinsight.sidecar.server.soap.generated.Order();
        x.setNumber(o.number());
        x.setCustomerNumber(o.customerNumber());
        x.setOrderDate(date(o.orderDate()));
        x.setStatus(org.erpinsight.sidecar.server.soap.generated.OrderStatus.valueOf(o.status().name()));
        x.setCurrency(o.currency());
        x.setTotal(o.total());
        x.setReference(o.reference());
        o.lines().forEach(l -> x.getLines().add(line(l)));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.OrderPage orders(OrderPage page) {
        var x = new org.erpinsight.sidecar.server.soap.generated.OrderPage();
        x.setOffset(page.offset());
        x.setLimit(page.limit());
        x.setTotal(page.total());
        page.orders().forEach(o -> x.getOrders().add(order(o)));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.ProjectSummary project(ProjectSummary p) {
        var x = new org.erpinsight.sidecar.server.soap.generated.ProjectSummary();
        x.setNumber(p.number());
        x.setName(p.name());
        x.setCustomerNumber(p.customerNumber());
        x.setStatus(p.status());
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.ProjectOverview overview(ProjectOverview p) {
        var x = new org.erpinsight.sidecar.server.soap.generated.ProjectOverview();
        x.setProjectNumber(p.projectNumber());
        x.setName(p.name());
        x.setCustomerNumber(p.customerNumber());
        x.setCurrency(p.currency());
        x.setBudget(p.budget());
        x.setHours(p.hours());
        x.setHoursCost(p.hoursCost());
        x.setTravelExpenses(p.travelExpenses());
        x.setOtherExpenses(p.otherExpenses());
        x.setInvoiced(p.invoiced());
        x.setNotInvoiced(p.notInvoiced());
        x.setMargin(p.margin());
        x.setAsOf(instant(p.asOf()));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.Item item(Item i) {
        var x = new org.erpinsight.sidecar.server.soap.generated.Item();
        x.setNumber(i.number());
        x.setName(i.name());
        x.setUnit(i.unit());
        x.setBasePrice(i.basePrice());
        x.setCurrency(i.currency());
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.PriceQuote quote(PriceQuote q) {
        var x = new org.erpinsight.sidecar.server.soap.generated.PriceQuote();
        x.setCustomerNumber(q.customerNumber());
        x.setDate(date(q.date()));
        x.setCurrency(q.currency());
        x.setTotal(q.total());
        q.lines().forEach(l -> x.getLines().add(line(l)));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.OrderConfirmation confirmation(OrderConfirmation c) {
        var x = new org.erpinsight.sidecar.server.soap.generated.OrderConfirmation();
        x.setConfirmed(c.confirmed());
        x.setOrder(order(c.order()));
        if (c.creditWarning() != null) {
            CreditWarning w = c.creditWarning();
            var y = new org.erpinsight.sidecar.server.soap.generated.CreditWarning();
            y.setCreditLimit(w.creditLimit());
            y.setCreditUsed(w.creditUsed());
            y.setOrderTotal(w.orderTotal());
            y.setExceededBy(w.exceededBy());
            y.setMessage(w.message());
            x.setCreditWarning(y);
        }
        return x;
    }
}
