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
 * Receivables and payables as Tryton records them. Definitions (README, "The figures"):
 * balance is the party's receivable; an invoice is a customer invoice with a positive total,
 * a credit note one with a negative total; an invoice is overdue from the day after the due
 * date of an unpaid installment, by the part of its amount to pay that fell due before today;
 * open and overdue counts and the last invoice leave credit notes out; revenue is untaxed and
 * nets credit notes; the credit limit is the party's (null when Tryton has none) and the
 * credit used Tryton's credit amount. For suppliers: the payable balance is what the company
 * owes (Tryton's payable, sign turned), purchases of a year are the untaxed supplier invoices
 * posted in it (credit notes netted), open purchase orders are those in quotation, confirmed
 * or processing.
 */
final class TrytonLedgers {
    static final List<String> INVOICE_FIELDS = List.of("number", "invoice_date", "state", "untaxed_amount", "total_amount",
            "amount_to_pay", "reconciled", "lines_to_pay.maturity_date", "lines_to_pay.reconciliation", "lines_to_pay.debit",
            "lines_to_pay.credit", "payment_lines.reconciliation", "payment_lines.debit", "payment_lines.credit", "currency.code",
            "party.code");
    static final List<String> OPEN_PURCHASE_STATES = List.of("quotation", "confirmed", "processing");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final TrytonClient tryton;
    private final TrytonParties parties;
    private final Clock clock;

    TrytonLedgers(TrytonClient tryton, TrytonParties parties, Clock clock) {
        this.tryton = tryton;
        this.parties = parties;
        this.clock = clock;
    }

    private JsonNode invoices(int partyId, String type) {
        return tryton.model("account.invoice", "search_read", list(list("party", "=", partyId), list("type", "=", type),
                list("state", "in", list("posted", "paid"))), 0, null, list(list("invoice_date", "DESC"), list("id", "DESC")),
                INVOICE_FIELDS);
    }

    /** One customer invoice or credit note as the figures need it. */
    record Entry(Invoice invoice, boolean creditNote, BigDecimal untaxed, BigDecimal overdue, LocalDate reconciled) {
    }

    static Entry entry(JsonNode row, String customerNumber, LocalDate today) {
        BigDecimal total = money(decimal(row.get("total_amount")));
        boolean creditNote = total.signum() < 0;
        boolean posted = "posted".equals(row.get("state").asText());
        // what is still to pay and the part of it due before today, from the unreconciled lines (company currency)
        BigDecimal toPay = BigDecimal.ZERO;
        BigDecimal dueBeforeToday = BigDecimal.ZERO;
        LocalDate due = null;
        for (JsonNode line : row.path("lines_to_pay.")) {
            LocalDate maturity = date(line.get("maturity_date"));
            if (maturity != null && (due == null || maturity.isBefore(due))) {
                due = maturity;
            }
            if (!line.path("reconciliation").isNull() && !line.path("reconciliation").isMissingNode()) {
                continue;
            }
            BigDecimal amount = amount(line);
            toPay = toPay.add(amount);
            if (maturity != null && maturity.isBefore(today)) {
                dueBeforeToday = dueBeforeToday.add(amount);
            }
        }
        for (JsonNode line : row.path("payment_lines.")) {
            if (line.path("reconciliation").isNull() || line.path("reconciliation").isMissingNode()) {
                toPay = toPay.add(amount(line));
                dueBeforeToday = dueBeforeToday.add(amount(line));
            }
        }
        BigDecimal overdue = !posted || creditNote ? ZERO : money(dueBeforeToday.min(toPay).max(BigDecimal.ZERO));
        BigDecimal open = money(decimal(row.get("amount_to_pay")));
        LocalDate invoiceDate = date(row.get("invoice_date"));
        InvoiceStatus status = !posted || open.signum() == 0 ? InvoiceStatus.PAID
                : overdue.signum() > 0 ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
        Invoice invoice = new Invoice(row.path("number").asText(), customerNumber, invoiceDate, due == null ? invoiceDate : due,
                row.path("currency.").path("code").asText(), total, total.subtract(open), open, status, date(row.get("reconciled")));
        return new Entry(invoice, creditNote, money(decimal(row.get("untaxed_amount"))), overdue, date(row.get("reconciled")));
    }

    private static BigDecimal amount(JsonNode moveLine) {
        BigDecimal debit = decimal(moveLine.get("debit"));
        BigDecimal credit = decimal(moveLine.get("credit"));
        return (debit == null ? BigDecimal.ZERO : debit).subtract(credit == null ? BigDecimal.ZERO : credit);
    }

    Optional<CustomerOverview> customerOverview(String number) {
        Instant asOf = clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, clock.getZone());
        // the figures come with the lookup: one round trip fewer to a slow ERP
        Optional<TrytonParties.Found> party = parties.findByCode(PartyKind.CUSTOMER, number, "receivable", "credit_limit_amount",
                "credit_amount");
        if (party.isEmpty()) {
            return Optional.empty();
        }
        JsonNode rows = invoices(party.get().id(), "out");
        // a party with customer invoices is a customer; else ask as for any lookup
        return party.filter(found -> !rows.isEmpty() || parties.mayBe(PartyKind.CUSTOMER, found.id())).map(found -> {
            JsonNode figures = found.row();
            int open = 0;
            int overdueCount = 0;
            BigDecimal overdue = ZERO;
            Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
            Map<Integer, BigDecimal> byYear = new TreeMap<>();
            long paidDays = 0;
            int paidCount = 0;
            LocalDate lastInvoice = null;
            LocalDate lastPayment = null;
            for (JsonNode row : rows) {
                Entry e = entry(row, number, today);
                LocalDate date = e.invoice().invoiceDate();
                byMonth.merge(YearMonth.from(date), e.untaxed(), BigDecimal::add);
                byYear.merge(date.getYear(), e.untaxed(), BigDecimal::add);
                if (e.creditNote()) {
                    continue;
                }
                if (e.invoice().status() != InvoiceStatus.PAID) {
                    open++;
                }
                if (e.overdue().signum() > 0) {
                    overdueCount++;
                    overdue = overdue.add(e.overdue());
                }
                if (e.reconciled() != null) {
                    paidDays += ChronoUnit.DAYS.between(date, e.reconciled());
                    paidCount++;
                    lastPayment = lastPayment == null || e.reconciled().isAfter(lastPayment) ? e.reconciled() : lastPayment;
                }
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
                    overdue, open, overdueCount, limit == null ? null : money(limit),
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
        LocalDate today = LocalDate.now(clock);
        return parties.find(PartyKind.CUSTOMER, customerNumber).map(found -> {
            List<Invoice> matching = new ArrayList<>();
            for (JsonNode row : invoices(found.id(), "out")) {
                Invoice invoice = entry(row, customerNumber, today).invoice();
                if (filter == InvoiceFilter.ALL || filter.name().equals(invoice.status().name())) {
                    matching.add(invoice);
                }
            }
            return new InvoicePage(offset, limit, matching.size(),
                    matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())));
        });
    }

    Optional<SupplierOverview> supplierOverview(String number) {
        Instant asOf = clock.instant();
        int year = LocalDate.ofInstant(asOf, clock.getZone()).getYear();
        return parties.find(PartyKind.SUPPLIER, number, "payable").map(found -> {
            BigDecimal thisYear = ZERO;
            BigDecimal lastYear = ZERO;
            for (JsonNode invoice : invoices(found.id(), "in")) {
                LocalDate date = date(invoice.get("invoice_date"));
                BigDecimal untaxed = decimal(invoice.get("untaxed_amount"));
                if (date != null && date.getYear() == year) {
                    thisYear = thisYear.add(untaxed);
                } else if (date != null && date.getYear() == year - 1) {
                    lastYear = lastYear.add(untaxed);
                }
            }
            BigDecimal openAmount = ZERO;
            int openCount = 0;
            for (JsonNode p : tryton.model("purchase.purchase", "search_read", list(list("party", "=", found.id()),
                    list("state", "in", OPEN_PURCHASE_STATES)), 0, null, null, list("untaxed_amount"))) {
                openCount++;
                openAmount = openAmount.add(decimal(p.get("untaxed_amount")));
            }
            BigDecimal payable = decimal(found.row().get("payable"));
            return new SupplierOverview(number, found.party().name(), parties.currency(),
                    money(payable == null ? null : payable.negate()), money(thisYear), money(lastYear), openCount, money(openAmount), asOf);
        });
    }
}
