package org.erpinsight.crm.gateway.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import javax.xml.datatype.XMLGregorianCalendar;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.Invoice;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.CreditWarning;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.OrderLine;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.MonthlyRevenue;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.YearlyRevenue;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.SupplierOverview;

/** The WSDL's JAXB types to the API's records. Amounts stay BigDecimal (xs:decimal) end to end. */
final class SoapMapping {
    private SoapMapping() {
    }

    static Party party(org.erpinsight.crm.gateway.soap.generated.Party x) {
        return new Party(x.getNumber(), PartyKind.valueOf(x.getKind().name()), x.getName(), x.getVatNumber(), x.getEmail(),
                x.getPhone(), x.getPostcode(), x.getCity(), x.getCountryCode(), x.getCurrency(), x.isBlocked());
    }

    static PartyPage page(org.erpinsight.crm.gateway.soap.generated.PartyPage x) {
        return new PartyPage(x.getOffset(), x.getLimit(), x.getTotal(), x.getParties().stream().map(SoapMapping::party).toList());
    }

    static CustomerOverview overview(org.erpinsight.crm.gateway.soap.generated.CustomerOverview x) {
        return new CustomerOverview(x.getCustomerNumber(), x.getName(), x.getCurrency(), x.getBalance(), x.getOverdueAmount(),
                x.getOpenInvoiceCount(), x.getOverdueInvoiceCount(), x.getCreditLimit(), x.getCreditUsed(),
                x.getRevenueThisYear(), x.getRevenueLastYear(),
                x.getRevenueByMonth().stream().map(m -> new MonthlyRevenue(
                        YearMonth.of(m.getMonth().getYear(), m.getMonth().getMonth()), m.getAmount())).toList(),
                x.getRevenueByYear().stream().map(y -> new YearlyRevenue(y.getYear(), y.getAmount())).toList(),
                x.getAverageDaysToPay(), date(x.getLastInvoiceDate()), date(x.getLastPaymentDate()), x.isBlocked(),
                instant(x.getAsOf()));
    }

    static InvoicePage invoices(org.erpinsight.crm.gateway.soap.generated.InvoicePage x) {
        return new InvoicePage(x.getOffset(), x.getLimit(), x.getTotal(), x.getInvoices().stream().map(i -> new Invoice(i.getNumber(),
                i.getCustomerNumber(), date(i.getInvoiceDate()), date(i.getDueDate()), i.getCurrency(), i.getAmount(), i.getPaidAmount(),
                i.getOpenAmount(), InvoiceStatus.valueOf(i.getStatus().name()), date(i.getPaidDate()))).toList());
    }

    static OrderPage orders(org.erpinsight.crm.gateway.soap.generated.OrderPage x) {
        return new OrderPage(x.getOffset(), x.getLimit(), x.getTotal(), x.getOrders().stream().map(SoapMapping::order).toList());
    }

    static Order order(org.erpinsight.crm.gateway.soap.generated.Order o) {
        return new Order(o.getNumber(), o.getCustomerNumber(), date(o.getOrderDate()), o.getStatus().name(), o.getCurrency(), o.getTotal(),
                o.getReference(), o.getLines().stream().map(SoapMapping::line).toList());
    }

    static OrderLine line(org.erpinsight.crm.gateway.soap.generated.OrderLine l) {
        return new OrderLine(l.getLineNumber(), l.getItemNumber(), l.getDescription(), l.getQuantity(), l.getUnitPrice(),
                l.getDiscountPercent(), l.getLineAmount(), l.getPriceRule());
    }

    static PriceQuote quote(org.erpinsight.crm.gateway.soap.generated.PriceQuote q) {
        return new PriceQuote(q.getCustomerNumber(), date(q.getDate()), q.getCurrency(), q.getTotal(),
                q.getLines().stream().map(SoapMapping::line).toList());
    }

    static OrderConfirmation confirmation(org.erpinsight.crm.gateway.soap.generated.OrderConfirmation c) {
        var w = c.getCreditWarning();
        return new OrderConfirmation(c.isConfirmed(), order(c.getOrder()), w == null ? null
                : new CreditWarning(w.getCreditLimit(), w.getCreditUsed(), w.getOrderTotal(), w.getExceededBy(), w.getMessage()));
    }

    static java.util.List<org.erpinsight.crm.gateway.soap.generated.LineRequest> lines(java.util.List<LineRequest> lines) {
        return lines.stream().map(l -> {
            var x = new org.erpinsight.crm.gateway.soap.generated.LineRequest();
            x.setItemNumber(l.itemNumber());
            x.setQuantity(l.quantity());
            return x;
        }).toList();
    }

    private static Instant instant(XMLGregorianCalendar c) {
        return c == null ? null : Instant.ofEpochMilli(c.toGregorianCalendar().getTimeInMillis());
    }

    private static LocalDate date(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }
    static SupplierOverview supplierOverview(org.erpinsight.crm.gateway.soap.generated.SupplierOverview x) {
        return new SupplierOverview(x.getSupplierNumber(), x.getName(), x.getCurrency(), x.getPayableBalance(), x.getPurchasesThisYear(),
                x.getPurchasesLastYear(), x.getOpenPurchaseOrderCount(), x.getOpenPurchaseOrderAmount(), instant(x.getAsOf()));
    }

    static ProjectOverview projectOverview(org.erpinsight.crm.gateway.soap.generated.ProjectOverview x) {
        return new ProjectOverview(x.getProjectNumber(), x.getName(), x.getCustomerNumber(), x.getCurrency(), x.getBudget(), x.getHours(),
                x.getHoursCost(), x.getTravelExpenses(), x.getOtherExpenses(), x.getInvoiced(), x.getNotInvoiced(), x.getMargin(),
                instant(x.getAsOf()));
    }

    static ProjectSummary project(org.erpinsight.crm.gateway.soap.generated.ProjectSummary x) {
        return new ProjectSummary(x.getNumber(), x.getName(), x.getCustomerNumber(), x.getStatus());
    }

    static Item item(org.erpinsight.crm.gateway.soap.generated.Item x) {
        return new Item(x.getNumber(), x.getName(), x.getUnit(), x.getBasePrice(), x.getCurrency());
    }
}
