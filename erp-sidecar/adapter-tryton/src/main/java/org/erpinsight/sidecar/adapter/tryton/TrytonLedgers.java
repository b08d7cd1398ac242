package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.date;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.decimal;
import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.Invoice;
import org.erpinsight.sidecar.core.InvoiceFilter;
import org.erpinsight.sidecar.core.InvoicePage;
import org.erpinsight.sidecar.core.InvoiceStatus;
import org.erpinsight.sidecar.core.MonthlyRevenue;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.SupplierOverview;
import org.erpinsight.sidecar.core.YearlyRevenue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receivables and payables as Tryton computes them: the party's receivable (balance) and
 * receivable today (due by today, i.e. overdue), its credit limit and credit amount (company
 * context), and its posted and paid customer invoices for counts and revenue (untaxed).
 */
final class TrytonLedgers {
    static final List<String> INVOICE_FIELDS = List.of("number", "invoice_date", "state", "untaxed_amount", "total_amount",
            "amount_to_pay", "amount_to_pay_today", "reconciled", "lines_to_pay.maturity_date", "currency.code", "party.code");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final Clock clock;

    TrytonLedgers(TrytonClient tryton, TrytonParties parties, Clock clock) {
        this.tryton = tryton;
        this.parties = parties;
        this.clock = clock;
    }

    private JsonNode customerInvoices(int partyId) {
        return tryton.model("account.invoice", "search_read", list(list("party", "=", partyId), list("type", "=", "out"),
                list("state", "in", list("posted", "paid"))), 0, null, list(list("invoice_date", "DESC"), list("id", "DESC")),
                INVOICE_FIELDS);
    }

    Optional<CustomerOverview> customerOverview(String number) {
        Instant asOf = clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, clock.getZone());
        // the figures come with the lookup: one round trip fewer to a slow ERP
        return parties.find(PartyKind.CUSTOMER, number, "receivable", "receivable_today", "credit_limit_amount", "credit_amount")
                .map(found -> {
            JsonNode figures = found.row();
            int open = 0;
            int overdue = 0;
            Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
            Map<Integer, BigDecimal> byYear = new TreeMap<>();
            long paidDays = 0;
            int paidCount = 0;
            LocalDate lastInvoice = null;
            LocalDate lastPayment = null;
            for (JsonNode invoice : customerInvoices(found.id())) {
                LocalDate date = date(invoice.get("invoice_date"));
                BigDecimal untaxed = decimal(invoice.get("untaxed_amount"));
                if ("posted".equals(invoice.get("state").asText())) {
                    open++;
                    if (decimal(invoice.get("amount_to_pay_today")).signum() > 0) {
                        overdue++;
                    }
                }
                LocalDate reconciled = date(invoice.get("reconciled"));
                if (reconciled != null) {
                    paidDays += ChronoUnit.DAYS.between(date, reconciled);
                    paidCount++;
                    lastPayment = lastPayment == null || reconciled.isAfter(lastPayment) ? reconciled : lastPayment;
                }
                byMonth.merge(YearMonth.from(date), untaxed, BigDecimal::add);
                byYear.merge(date.getYear(), untaxed, BigDecimal::add);
                lastInvoice = lastInvoice == null || date.isAfter(lastInvoice) ? date : lastInvoice;
            }
            List<MonthlyRevenue> months = new ArrayList<>();
            for (int i = 23; i >= 0; i--) {
                YearMonth month = YearMonth.from(today).minusMonths(i);
                months.add(new MonthlyRevenue(month, money(byMonth.getOrDefault(month, ZERO))));
            }
            byYear.putIfAbsent(today.getYear(), ZERO);
            byYear.putIfAbsent(today.getYear() - 1, ZERO);
            BigDecimal limit = decimal(figures.get("credit_limit_amount"));
            return new CustomerOverview(number, found.party().name(), parties.currency(), money(decimal(figures.get("receivable"))),
                    money(decimal(figures.get("receivable_today"))), open, overdue, money(limit == null ? BigDecimal.ZERO : limit),
                    money(decimal(figures.get("credit_amount"))), money(byYear.get(today.getYear())),
                    money(byYear.get(today.getYear() - 1)), months,
                    byYear.entrySet().stream().map(e -> new YearlyRevenue(e.getKey(), money(e.getValue()))).toList(),
                    paidCount == 0 ? null : BigDecimal.valueOf(paidDays).divide(BigDecimal.valueOf(paidCount), 1, RoundingMode.HALF_UP),
                    lastInvoice, lastPayment, false, asOf);
        });
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? ZERO : value.setScale(2, RoundingMode.HALF_UP);
    }

    Optional<InvoicePage> invoices(String customerNumber, InvoiceFilter filter, int offset, int limit) {
        return parties.find(PartyKind.CUSTOMER, customerNumber).map(found -> {
            List<Invoice> matching = new ArrayList<>();
            for (JsonNode row : customerInvoices(found.id())) {
                Invoice invoice = invoice(row, customerNumber);
                if (filter == InvoiceFilter.ALL || filter.name().equals(invoice.status().name())) {
                    matching.add(invoice);
                }
            }
            return new InvoicePage(offset, limit, matching.size(),
                    matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())));
        });
    }

    static Invoice invoice(JsonNode row, String customerNumber) {
        BigDecimal total = money(decimal(row.get("total_amount")));
        BigDecimal toPay = money(decimal(row.get("amount_to_pay")));
        LocalDate due = null;
        for (JsonNode line : row.path("lines_to_pay.")) {
            LocalDate maturity = date(line.get("maturity_date"));
            if (maturity != null && (due == null || maturity.isBefore(due))) {
                due = maturity;
            }
        }
        LocalDate invoiceDate = date(row.get("invoice_date"));
        InvoiceStatus status = "paid".equals(row.get("state").asText()) || toPay.signum() == 0 ? InvoiceStatus.PAID
                : decimal(row.get("amount_to_pay_today")).signum() > 0 ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
        return new Invoice(row.path("number").asText(), customerNumber, invoiceDate, due == null ? invoiceDate : due,
                row.path("currency.").path("code").asText(), total, total.subtract(toPay), toPay, status, date(row.get("reconciled")));
    }

    Optional<SupplierOverview> supplierOverview(String number) {
        Instant asOf = clock.instant();
        int year = LocalDate.ofInstant(asOf, clock.getZone()).getYear();
        return parties.find(PartyKind.SUPPLIER, number).map(found -> {
            JsonNode figures = tryton.model("party.party", "read", list(found.id()), list("payable")).get(0);
            BigDecimal thisYear = ZERO;
            BigDecimal lastYear = ZERO;
            BigDecimal openAmount = ZERO;
            int openCount = 0;
            for (JsonNode p : tryton.model("purchase.purchase", "search_read", list(list("party", "=", found.id()),
                    list("state", "in", list("confirmed", "processing", "done"))), 0, null, null,
                    list("purchase_date", "state", "untaxed_amount", "invoice_state"))) {
                LocalDate date = date(p.get("purchase_date"));
                BigDecimal amount = decimal(p.get("untaxed_amount"));
                if (date != null && date.getYear() == year) {
                    thisYear = thisYear.add(amount);
                } else if (date != null && date.getYear() == year - 1) {
                    lastYear = lastYear.add(amount);
                }
                if (!"done".equals(p.get("state").asText())) {
                    openCount++;
                    openAmount = openAmount.add(amount);
                }
            }
            return new SupplierOverview(number, found.party().name(), parties.currency(), money(decimal(figures.get("payable"))),
                    money(thisYear), money(lastYear), openCount, money(openAmount), asOf);
        });
    }
}
