package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.SupplierOverview;
import org.erpinsight.sidecar.core.YearlyRevenue;

/** The receivables and payables: customer and supplier overviews, a customer's invoices. */
final class Ledgers {
    static final int MONTHS_OF_REVENUE = 24;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Database db;
    private final PartyBook parties;
    private final Clock clock;

    Ledgers(Database db, PartyBook parties, Clock clock) {
        this.db = db;
        this.parties = parties;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<CustomerOverview> customerOverview(String number) {
        Instant asOf = clock.instant();
        LocalDate today = LocalDate.ofInstant(asOf, clock.getZone());
        return db.read(c -> {
            record Customer(Party party, BigDecimal creditLimit) {
            }
            Customer found = Database.query(c, "SELECT number, name, vat_number, email, phone, postcode, city, country_code,"
                    + " currency, blocked, credit_limit FROM customer WHERE number = ?",
                    rs -> new Customer(PartyBook.party(rs, PartyKind.CUSTOMER), rs.getBigDecimal("credit_limit")), number);
            if (found == null) {
                return Optional.empty();
            }
            Party customer = found.party();
            BigDecimal creditLimit = found.creditLimit();
            Sums sums = new Sums(today);
            Database.list(c, "SELECT invoice_date, due_date, amount, paid_amount, paid_date, tax_amount FROM invoice"
                    + " WHERE customer_number = ?",
                    rs -> {
                        sums.add(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                                rs.getBigDecimal(3).subtract(rs.getBigDecimal(6)), rs.getBigDecimal(4),
                                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate());
                        return null;
                    }, number);
            return Optional.of(sums.overview(customer, creditLimit, confirmedNotInvoiced(c, number), asOf));
        });
    }

    /** Confirmed orders are credit in use until they are invoiced. */
    static BigDecimal confirmedNotInvoiced(Connection c, String customerNumber) throws SQLException {
        BigDecimal total = Database.query(c, "SELECT SUM(l.amount) FROM sales_order o JOIN order_line l ON l.order_id = o.id"
                + " WHERE o.customer_number = ? AND o.status = 'CONFIRMED'", rs -> rs.getBigDecimal(1), customerNumber);
        return total == null ? ZERO : total;
    }

    /** Sums a customer's invoices into the overview's figures. */
    static final class Sums {
        private final LocalDate today;
        private BigDecimal balance = ZERO;
        private BigDecimal overdue = ZERO;
        private int open;
        private int overdueCount;
        private final Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        private final Map<Integer, BigDecimal> byYear = new TreeMap<>();
        private long paidDays;
        private int paidCount;
        private LocalDate lastInvoice;
        private LocalDate lastPayment;

        Sums(LocalDate today) {
            this.today = today;
        }

        /** One invoice: its total with tax (what is owed) and its net amount (the revenue). */
        void add(LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount, BigDecimal net, BigDecimal paid, LocalDate paidDate) {
            BigDecimal outstanding = amount.subtract(paid);
            if (outstanding.signum() > 0) {
                balance = balance.add(outstanding);
                open++;
                if (dueDate.isBefore(today)) {
                    overdue = overdue.add(outstanding);
                    overdueCount++;
                }
            } else if (paidDate != null) {
                paidDays += ChronoUnit.DAYS.between(invoiceDate, paidDate);
                paidCount++;
            }
            byMonth.merge(YearMonth.from(invoiceDate), net, BigDecimal::add);
            byYear.merge(invoiceDate.getYear(), net, BigDecimal::add);
            lastInvoice = max(lastInvoice, invoiceDate);
            lastPayment = max(lastPayment, paidDate);
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }

        CustomerOverview overview(Party customer, BigDecimal creditLimit, BigDecimal onOrder, Instant asOf) {
            YearMonth thisMonth = YearMonth.from(today);
            Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
            for (int i = MONTHS_OF_REVENUE - 1; i >= 0; i--) {
                YearMonth month = thisMonth.minusMonths(i);
                months.put(month, byMonth.getOrDefault(month, ZERO));
            }
            byYear.putIfAbsent(today.getYear(), ZERO);
            byYear.putIfAbsent(today.getYear() - 1, ZERO);
            return new CustomerOverview(customer.number(), customer.name(), customer.currency(), balance, overdue, open,
                    overdueCount, creditLimit, balance.add(onOrder),
                    byYear.get(today.getYear()), byYear.get(today.getYear() - 1),
                    months.entrySet().stream().map(e -> new MonthlyRevenue(e.getKey(), e.getValue())).toList(),
                    byYear.entrySet().stream().map(e -> new YearlyRevenue(e.getKey(), e.getValue())).toList(),
                    paidCount == 0 ? null : BigDecimal.valueOf(paidDays).divide(BigDecimal.valueOf(paidCount), 1,
                            RoundingMode.HALF_UP),
                    lastInvoice, lastPayment, customer.blocked(), asOf);
        }
    }

    Optional<InvoicePage> invoices(String customerNumber, InvoiceFilter filter, int offset, int limit) {
        LocalDate today = today();
        String condition = switch (filter) {
            case ALL -> "";
            case OPEN -> " AND amount > paid_amount AND due_date >= ?";
            case OVERDUE -> " AND amount > paid_amount AND due_date < ?";
            case PAID -> " AND amount <= paid_amount";
        };
        Object[] args = filter == InvoiceFilter.OPEN || filter == InvoiceFilter.OVERDUE
                ? new Object[] {customerNumber, today} : new Object[] {customerNumber};
        return db.read(c -> {
            if (Database.query(c, "SELECT 1 FROM customer WHERE number = ?", rs -> true, customerNumber) == null) {
                return Optional.empty();
            }
            int total = Database.query(c, "SELECT COUNT(*) FROM invoice WHERE customer_number = ?" + condition,
                    rs -> rs.getInt(1), args);
            Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
            paged[args.length] = offset;
            paged[args.length + 1] = limit;
            List<Invoice> invoices = Database.list(c, "SELECT number, customer_number, invoice_date, due_date, currency, amount,"
                    + " paid_amount, paid_date FROM invoice WHERE customer_number = ?" + condition
                    + " ORDER BY invoice_date DESC, number DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    rs -> invoice(rs, today), paged);
            return Optional.of(new InvoicePage(offset, limit, total, invoices));
        });
    }

    static Invoice invoice(ResultSet rs, LocalDate today) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal paid = rs.getBigDecimal("paid_amount");
        BigDecimal open = amount.subtract(paid).max(ZERO);
        LocalDate due = rs.getDate("due_date").toLocalDate();
        InvoiceStatus status = open.signum() == 0 ? InvoiceStatus.PAID
                : due.isBefore(today) ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
        return new Invoice(rs.getString("number"), rs.getString("customer_number"), rs.getDate("invoice_date").toLocalDate(),
                due, rs.getString("currency"), amount, paid, open, status,
                rs.getDate("paid_date") == null ? null : rs.getDate("paid_date").toLocalDate());
    }

    Optional<SupplierOverview> supplierOverview(String number) {
        Instant asOf = clock.instant();
        int year = LocalDate.ofInstant(asOf, clock.getZone()).getYear();
        return parties.party(PartyKind.SUPPLIER, number).map(supplier -> db.read(c -> {
            BigDecimal payable = sum(c, "SELECT SUM(amount) FROM purchase WHERE supplier_number = ? AND status = 'INVOICED'", number);
            // purchases of a year are what the supplier invoiced in it (as in every adapter); open orders are apart
            BigDecimal thisYear = sum(c, "SELECT SUM(amount) FROM purchase WHERE supplier_number = ? AND status IN ('INVOICED', 'PAID')"
                    + " AND purchase_date >= ? AND purchase_date < ?", number, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            BigDecimal lastYear = sum(c, "SELECT SUM(amount) FROM purchase WHERE supplier_number = ? AND status IN ('INVOICED', 'PAID')"
                    + " AND purchase_date >= ? AND purchase_date < ?", number, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 1, 1));
            int openCount = Database.query(c, "SELECT COUNT(*) FROM purchase WHERE supplier_number = ? AND status = 'OPEN'",
                    rs -> rs.getInt(1), number);
            BigDecimal openAmount = sum(c, "SELECT SUM(amount) FROM purchase WHERE supplier_number = ? AND status = 'OPEN'", number);
            return new SupplierOverview(supplier.number(), supplier.name(), supplier.currency(), payable, thisYear, lastYear,
                    openCount, openAmount, asOf);
        }));
    }

    private static BigDecimal sum(Connection c, String sql, Object... args) throws SQLException {
        BigDecimal value = Database.query(c, sql, rs -> rs.getBigDecimal(1), args);
        return value == null ? ZERO : value;
    }
}
