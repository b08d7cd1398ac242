package org.erpinsight.sidecar.adapter.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.CustomerQuery;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.MonthlyRevenue;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.YearlyRevenue;

/**
 * The reference ERP: an embedded Derby database, created and filled with demo data on first
 * start. It stands in for a real ERP in demos, tests and benchmarks.
 */
public final class ReferenceErp implements ErpAdapter {
    private static final Logger LOG = Logger.getLogger(ReferenceErp.class.getName());
    static final int MONTHS_OF_REVENUE = 24;
    private static final String PARTY_COLUMNS =
            "number, name, vat_number, email, phone, postcode, city, country_code, currency, blocked";

    private final ReferenceErpSettings settings;
    private final EmbeddedDataSource dataSource;
    private final String databasePath;

    private ReferenceErp(ReferenceErpSettings settings, String databasePath) {
        this.settings = settings;
        this.databasePath = databasePath;
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databasePath);
    }

    /** Opens the database in the settings' data directory, creating and filling it if it does not exist. */
    public static ReferenceErp open(ReferenceErpSettings settings) {
        Path dir = settings.dataDirectory().toAbsolutePath();
        Path db = dir.resolve("reference-erp");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
            // otherwise derby.log lands in whatever the working directory is
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        ReferenceErp erp = new ReferenceErp(settings, db.toString());
        if (!Files.isDirectory(db)) {
            erp.create();
        }
        return erp;
    }

    private void create() {
        long start = System.nanoTime();
        EmbeddedDataSource creating = new EmbeddedDataSource();
        creating.setDatabaseName(databasePath);
        creating.setCreateDatabase("create");
        try (Connection c = creating.getConnection()) {
            c.setAutoCommit(false);
            SqlScript.run(c, "schema.sql");
            new DemoData(c, settings.demoSize(), LocalDate.now(settings.clock())).load();
            SqlScript.run(c, "constraints.sql");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the reference ERP database at " + databasePath + ": "
                    + e.getMessage(), e);
        }
        LOG.info(() -> String.format("Created the reference ERP (%s demo data) in %d ms", settings.demoSize().name(),
                (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public String name() {
        return "reference";
    }

    /** The demo size the database was created with (it may differ from the configured one). */
    public String demoSize() {
        return query("SELECT v FROM erp_meta WHERE k = 'demo_size'", s -> { }, rs -> rs.next() ? rs.getString(1) : "?");
    }

    @Override
    public Optional<Party> customer(String number) {
        return query("SELECT " + PARTY_COLUMNS + " FROM customer WHERE number = ?",
                s -> s.setString(1, number),
                rs -> rs.next() ? Optional.of(party(rs, PartyKind.CUSTOMER)) : Optional.empty());
    }

    @Override
    public List<Party> searchCustomers(CustomerQuery q) {
        List<String> where = new ArrayList<>();
        List<String> args = new ArrayList<>();
        if (q.vatNumber() != null) {
            where.add("vat_number = ?");
            args.add(Names.vat(q.vatNumber()));
        }
        if (q.emailDomain() != null) {
            where.add("email_domain = ?");
            args.add(q.emailDomain().toLowerCase(java.util.Locale.ROOT).replaceFirst("^.*@", ""));
        }
        String phoneDigits = Names.digits(q.phone());
        if (phoneDigits != null && phoneDigits.length() >= 6) {
            // the last eight digits: tolerant of country prefixes and formatting
            where.add("phone_digits LIKE ?");
            args.add("%" + phoneDigits.substring(Math.max(0, phoneDigits.length() - 8)));
        }
        if (q.name() != null) {
            where.add("name_folded LIKE ? ESCAPE '!'");
            args.add("%" + escapeLike(Names.fold(q.name())) + "%");
        }
        if (where.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + PARTY_COLUMNS + ", vat_number, email_domain, phone_digits, name_folded FROM customer WHERE "
                + String.join(" OR ", where);
        return query(sql, s -> {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
        }, rs -> {
            List<Scored> scored = new ArrayList<>();
            while (rs.next()) {
                scored.add(new Scored(party(rs, PartyKind.CUSTOMER), score(q, rs)));
            }
            return scored.stream()
                    .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(x -> x.party().number()))
                    .limit(q.limit())
                    .map(Scored::party)
                    .toList();
        });
    }

    private record Scored(Party party, int score) {
    }

    private static int score(CustomerQuery q, ResultSet rs) throws SQLException {
        int score = 0;
        if (q.vatNumber() != null && Names.vat(q.vatNumber()).equals(rs.getString("vat_number"))) {
            score += 100;
        }
        if (q.emailDomain() != null && q.emailDomain().equalsIgnoreCase(rs.getString("email_domain"))) {
            score += 40;
        }
        String digits = Names.digits(q.phone());
        String stored = rs.getString("phone_digits");
        if (digits != null && digits.length() >= 6 && stored != null
                && stored.endsWith(digits.substring(Math.max(0, digits.length() - 8)))) {
            score += 30;
        }
        if (q.name() != null) {
            String folded = rs.getString("name_folded");
            score += folded.equals(Names.fold(q.name())) ? 50 : folded.startsWith(Names.fold(q.name())) ? 25 : 10;
        }
        return score;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Optional<CustomerOverview> customerOverview(String number) {
        Optional<Party> customer = customer(number);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal creditLimit = query("SELECT credit_limit FROM customer WHERE number = ?",
                s -> s.setString(1, number), rs -> rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO);
        Instant asOf = settings.clock().instant();
        LocalDate today = LocalDate.ofInstant(asOf, settings.clock().getZone());
        return query("SELECT invoice_date, due_date, amount, paid_amount, paid_date FROM invoice"
                        + " WHERE customer_number = ?",
                s -> s.setString(1, number),
                rs -> {
                    Ledger ledger = new Ledger(today);
                    while (rs.next()) {
                        ledger.add(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate());
                    }
                    return Optional.of(ledger.overview(customer.get(), creditLimit, asOf));
                });
    }

    /** Sums a customer's invoices into the overview's figures. */
    static final class Ledger {
        private final LocalDate today;
        private BigDecimal balance = BigDecimal.ZERO.setScale(2);
        private BigDecimal overdue = BigDecimal.ZERO.setScale(2);
        private int open;
        private int overdueCount;
        private final Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        private final Map<Integer, BigDecimal> byYear = new TreeMap<>();
        private long paidDays;
        private int paidCount;
        private LocalDate lastInvoice;
        private LocalDate lastPayment;

        Ledger(LocalDate today) {
            this.today = today;
        }

        void add(LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount, BigDecimal paid, LocalDate paidDate) {
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
            byMonth.merge(YearMonth.from(invoiceDate), amount, BigDecimal::add);
            byYear.merge(invoiceDate.getYear(), amount, BigDecimal::add);
            lastInvoice = max(lastInvoice, invoiceDate);
            lastPayment = max(lastPayment, paidDate);
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }

        CustomerOverview overview(Party customer, BigDecimal creditLimit, Instant asOf) {
            YearMonth thisMonth = YearMonth.from(today);
            Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
            for (int i = MONTHS_OF_REVENUE - 1; i >= 0; i--) {
                YearMonth month = thisMonth.minusMonths(i);
                months.put(month, byMonth.getOrDefault(month, BigDecimal.ZERO.setScale(2)));
            }
            byYear.putIfAbsent(today.getYear(), BigDecimal.ZERO.setScale(2));
            byYear.putIfAbsent(today.getYear() - 1, BigDecimal.ZERO.setScale(2));
            return new CustomerOverview(customer.number(), customer.name(), customer.currency(), balance, overdue, open,
                    overdueCount, creditLimit, balance,
                    byYear.get(today.getYear()), byYear.get(today.getYear() - 1),
                    months.entrySet().stream().map(e -> new MonthlyRevenue(e.getKey(), e.getValue())).toList(),
                    byYear.entrySet().stream().map(e -> new YearlyRevenue(e.getKey(), e.getValue())).toList(),
                    paidCount == 0 ? null : BigDecimal.valueOf(paidDays).divide(BigDecimal.valueOf(paidCount), 1,
                            RoundingMode.HALF_UP),
                    lastInvoice, lastPayment, customer.blocked(), asOf);
        }
    }

    @Override
    public PartyPage parties(PartyKind kind, int offset, int limit) {
        String table = kind == PartyKind.CUSTOMER ? "customer" : "supplier";
        int total = query("SELECT COUNT(*) FROM " + table, s -> { }, rs -> rs.next() ? rs.getInt(1) : 0);
        List<Party> parties = query("SELECT " + PARTY_COLUMNS + " FROM " + table
                        + " ORDER BY number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                s -> {
                    s.setInt(1, offset);
                    s.setInt(2, limit);
                },
                rs -> {
                    List<Party> page = new ArrayList<>();
                    while (rs.next()) {
                        page.add(party(rs, kind));
                    }
                    return page;
                });
        return new PartyPage(offset, limit, total, parties);
    }

    @Override
    public boolean reachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("VALUES 1").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(databasePath);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby always answers a shutdown with an exception
        } catch (SQLException expected) {
            LOG.fine(() -> "Derby shut down: " + expected.getSQLState());
        }
    }

    private static Party party(ResultSet rs, PartyKind kind) throws SQLException {
        return new Party(rs.getString("number"), kind, rs.getString("name"), rs.getString("vat_number"),
                rs.getString("email"), rs.getString("phone"), rs.getString("postcode"), rs.getString("city"),
                rs.getString("country_code"), rs.getString("currency"), rs.getBoolean("blocked"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "The reference ERP database failed: " + e.getSQLState(), e);
        }
    }
}
