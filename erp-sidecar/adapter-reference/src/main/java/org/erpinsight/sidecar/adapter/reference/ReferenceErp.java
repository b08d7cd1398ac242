package org.erpinsight.sidecar.adapter.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
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

/**
 * The reference ERP: an embedded Derby database, created and filled with demo data on first
 * start. It stands in for a real ERP in demos, tests and benchmarks; each part of the ERP is
 * one class (parties, ledgers, price list, orders, projects, invoice documents).
 */
public final class ReferenceErp implements ErpAdapter {
    private static final Logger LOG = Logger.getLogger(ReferenceErp.class.getName());

    private final String databasePath;
    private final Database db;
    private final PartyBook parties;
    private final Ledgers ledgers;
    private final PriceList prices;
    private final OrderBook orders;
    private final ProjectBook projects;
    private final InvoiceDocument documents;

    private ReferenceErp(ReferenceErpSettings settings, String databasePath) {
        this.databasePath = databasePath;
        this.db = new Database(databasePath);
        this.parties = new PartyBook(db);
        this.ledgers = new Ledgers(db, parties, settings.clock());
        this.prices = new PriceList(db);
        this.orders = new OrderBook(db, settings.clock());
        this.projects = new ProjectBook(db, settings.clock());
        this.documents = new InvoiceDocument(db, settings.invoiceRenderer());
    }

    /**
     * Opens the database in the settings' data directory, creating and filling it if it does not
     * exist, or recreating it if an older version of this adapter made it.
     */
    public static ReferenceErp open(ReferenceErpSettings settings) {
        Path dir = settings.dataDirectory().toAbsolutePath();
        Path db = dir.resolve("reference-erp");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
            // otherwise derby.log lands in whatever the working directory is
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        // a request waits at most this long for a lock, well within a client's timeout
        System.setProperty("derby.locks.waitTimeout", System.getProperty("derby.locks.waitTimeout", "10"));
        System.setProperty("derby.locks.deadlockTimeout", System.getProperty("derby.locks.deadlockTimeout", "5"));
        if (Files.isDirectory(db)) {
            int version = schemaVersion(db.toString());
            if (version > DemoData.SCHEMA_VERSION) {
                throw new IllegalStateException("The reference ERP in " + db + " was made by a newer version of the sidecar (schema "
                        + version + ", this one knows " + DemoData.SCHEMA_VERSION + "); not starting rather than touch it");
            }
            if (version < DemoData.SCHEMA_VERSION) {
                LOG.warning("The reference ERP in " + db + " was made by an older version (schema " + version + ", now "
                        + DemoData.SCHEMA_VERSION + "); recreating it with demo data");
                shutdown(db.toString());
                deleteTree(db);
            }
        }
        if (!Files.isDirectory(db)) {
            create(db.toString(), settings);
        }
        return new ReferenceErp(settings, db.toString());
    }

    /**
     * The schema version written into the database, read without a time limit: booting a database
     * that was not shut down replays its log, which took over 5 s for 100,000 rows on a busy
     * machine, and a timed-out boot once read as "no version" deleted the data. A database that
     * cannot be read is never taken for an old one: the sidecar refuses to start, saying why.
     */
    static int schemaVersion(String path) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(path);
        try (Connection c = derby.getConnection()) {
            if (!c.getMetaData().getTables(null, null, "ERP_META", null).next()) {
                throw new IllegalStateException("The database in " + path + " holds no reference ERP (no ERP_META table);"
                        + " not starting rather than touch it. Move it away if it is not needed");
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM erp_meta WHERE k = 'schema_version'")) {
                // the first schema wrote no version
                return rs.next() ? Integer.parseInt(rs.getString(1).strip()) : 1;
            }
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read the reference ERP in " + path + " (" + e.getMessage()
                    + "); not starting rather than recreate a database that may hold data. Is another sidecar using it?", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the old reference ERP at " + root, e);
        }
    }

    private static void create(String path, ReferenceErpSettings settings) {
        long start = System.nanoTime();
        EmbeddedDataSource creating = new EmbeddedDataSource();
        creating.setDatabaseName(path);
        creating.setCreateDatabase("create");
        try (Connection c = creating.getConnection()) {
            c.setAutoCommit(false);
            SqlScript.run(c, "schema.sql");
            new DemoData(c, settings.demoSize(), LocalDate.now(settings.clock())).load();
            SqlScript.run(c, "constraints.sql");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the reference ERP database at " + path + ": " + e.getMessage(), e);
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
        return db.query("SELECT v FROM erp_meta WHERE k = 'demo_size'", rs -> rs.getString(1));
    }

    @Override
    public Optional<Party> customer(String number) {
        return parties.party(PartyKind.CUSTOMER, number);
    }

    @Override
    public Optional<Party> supplier(String number) {
        return parties.party(PartyKind.SUPPLIER, number);
    }

    @Override
    public List<Party> searchCustomers(PartyQuery query) {
        return parties.searchCustomers(query);
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
        return documents.pdf(invoiceNumber);
    }

    @Override
    public Optional<OrderPage> orders(String customerNumber, int offset, int limit) {
        return orders.orders(customerNumber, offset, limit);
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        return orders.order(orderNumber);
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
        return prices.searchItems(text, limit);
    }

    @Override
    public PriceQuote quote(String customerNumber, LocalDate date, List<LineRequest> lines) {
        return prices.quote(customerNumber, date, lines);
    }

    @Override
    public Party createParty(PartyKind kind, String name, String number, String vatNumber, WriteRequest write) {
        return parties.create(kind, name, number, vatNumber, write);
    }

    @Override
    public Order createOrder(String customerNumber, String reference, List<LineRequest> lines, WriteRequest write) {
        return orders.create(customerNumber, reference, lines, write);
    }

    @Override
    public Order replaceOrderLines(String orderNumber, List<LineRequest> lines) {
        return orders.replaceLines(orderNumber, lines);
    }

    @Override
    public OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning) {
        return orders.confirm(orderNumber, acceptCreditWarning);
    }

    @Override
    public boolean reachable() {
        return db.reachable();
    }

    @Override
    public void close() {
        db.close();
        shutdown(databasePath);
    }

    private static void shutdown(String path) {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(path);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby always answers a shutdown with an exception
        } catch (SQLException expected) {
            LOG.fine(() -> "Derby shut down: " + expected.getSQLState());
        }
    }
}
