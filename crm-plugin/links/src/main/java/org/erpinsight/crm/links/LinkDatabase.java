package org.erpinsight.crm.links;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.derby.client.ClientAutoloadedDriver;
import org.apache.derby.iapi.jdbc.AutoloadedDriver;

/**
 * The Derby database behind the link store: embedded in this bundle's data area, or on a Derby
 * network server that several CRM nodes share ({@code jdbc:derby://host:1527/links;create=true}).
 * Derby and its network client live inside this bundle, so connections come from their drivers
 * directly: DriverManager would refuse a driver its caller cannot see.
 *
 * <p>The schema is versioned: {@code schema_version} records each migration applied, and a node that
 * starts applies the missing ones in order, one transaction each, holding the version table's lock so
 * that two nodes starting together migrate once.
 */
final class LinkDatabase {
    /** Migration n+1 brings a database from version n to n+1. Never change one that has shipped: add the next. */
    static final List<String[]> MIGRATIONS = List.of(
        new String[] {
            "CREATE TABLE link ("
                + " source VARCHAR(40) NOT NULL, kind VARCHAR(20) NOT NULL,"
                + " record_type VARCHAR(20) NOT NULL, record_id VARCHAR(100) NOT NULL,"
                + " erp_number VARCHAR(32) NOT NULL, created_at TIMESTAMP NOT NULL, created_by VARCHAR(100) NOT NULL,"
                + " PRIMARY KEY (source, kind, record_type, record_id))",
            "CREATE INDEX link_number_ix ON link (source, kind, erp_number)",
            "CREATE INDEX link_record_ix ON link (record_type, record_id)",
            "CREATE TABLE link_audit ("
                + " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, changed_at TIMESTAMP NOT NULL, actor VARCHAR(100) NOT NULL,"
                + " action VARCHAR(10) NOT NULL, record_type VARCHAR(20) NOT NULL, record_id VARCHAR(100) NOT NULL,"
                + " source VARCHAR(40) NOT NULL, kind VARCHAR(20) NOT NULL, previous_number VARCHAR(32),"
                + " new_number VARCHAR(32), reason VARCHAR(500))",
            "CREATE INDEX link_audit_record_ix ON link_audit (record_type, record_id)",
        },
        new String[] {
            // optimistic locking: every change of a link counts up its version
            "ALTER TABLE link ADD COLUMN version BIGINT NOT NULL DEFAULT 1",
            // where each change came from: a user, a suggestion, an import, the ERP, a script
            "ALTER TABLE link_audit ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT 'MANUAL'",
            "CREATE INDEX link_audit_time_ix ON link_audit (changed_at)",
        },
        new String[] {
            // bulk suggestions: the runs (with where each one is, to go on after a restart) and the review queue
            "CREATE TABLE suggestion_run (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source VARCHAR(40) NOT NULL,"
                + " kind VARCHAR(20) NOT NULL, threshold DOUBLE NOT NULL, actor VARCHAR(100) NOT NULL, state VARCHAR(12) NOT NULL,"
                + " phase VARCHAR(60), done_count INT NOT NULL, total_count INT NOT NULL, linked_count INT NOT NULL,"
                + " queued_count INT NOT NULL, cursor_type VARCHAR(20), cursor_offset INT NOT NULL, started_at TIMESTAMP NOT NULL,"
                + " updated_at TIMESTAMP NOT NULL, message VARCHAR(500))",
            "CREATE TABLE link_suggestion (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id BIGINT NOT NULL,"
                + " record_type VARCHAR(20) NOT NULL, record_id VARCHAR(100) NOT NULL, record_name VARCHAR(200), source VARCHAR(40) NOT NULL,"
                + " kind VARCHAR(20) NOT NULL, erp_number VARCHAR(32) NOT NULL, erp_name VARCHAR(200), score DOUBLE NOT NULL,"
                + " reasons VARCHAR(500), state VARCHAR(10) NOT NULL, created_at TIMESTAMP NOT NULL, decided_by VARCHAR(100),"
                + " decided_at TIMESTAMP)",
            "CREATE INDEX link_suggestion_queue_ix ON link_suggestion (state, source, kind, score)",
            "CREATE INDEX link_suggestion_record_ix ON link_suggestion (record_type, record_id)",
        });

    private final String url;
    private final boolean embedded;
    private final Driver driver;

    /** The database the configuration names: on a shared server, or embedded in a directory (default: the bundle's data area). */
    static LinkDatabase of(org.osgi.framework.BundleContext context, LinkStoreConfiguration config) {
        if (!config.jdbcUrl().isBlank()) {
            return new LinkDatabase(config.jdbcUrl().strip());
        }
        return embedded(config.databaseDirectory().isBlank() ? context.getDataFile("links").toPath()
                : new java.io.File(config.databaseDirectory()).toPath());
    }

    /** The database embedded in {@code directory}. */
    static LinkDatabase embedded(Path directory) {
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.file", directory.resolveSibling(directory.getFileName() + "-derby.log").toString());
        }
        return new LinkDatabase("jdbc:derby:" + directory.toAbsolutePath() + ";create=true");
    }

    /** The database at a Derby JDBC URL: embedded ({@code jdbc:derby:path}) or on a network server ({@code jdbc:derby://…}). */
    LinkDatabase(String url) {
        this.embedded = !url.startsWith("jdbc:derby://");
        this.driver = embedded ? new AutoloadedDriver() : new ClientAutoloadedDriver();
        // create=true belongs to the first connection only
        this.url = url.replaceAll(";create=true", "");
        try (Connection c = connect(url.contains(";create=true") ? ";create=true" : "")) {
            migrate(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the link database at " + this.url + ": " + e.getMessage(), e);
        }
    }

    /** The schema's version now. */
    int version() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void migrate(Connection c) throws SQLException {
        c.setAutoCommit(false);
        if (!tableExists(c, "SCHEMA_VERSION")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
                if (tableExists(c, "LINK")) {
                    // a database from before versioning: it has the first migration's tables
                    record(c, 1);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!"X0Y32".equals(e.getSQLState())) {
                    throw e;
                }
                // another node created it at the same moment
            }
        }
        while (true) {
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                int current;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                    rs.next();
                    current = rs.getInt(1);
                }
                if (current >= MIGRATIONS.size()) {
                    c.commit();
                    return;
                }
                for (String ddl : MIGRATIONS.get(current)) {
                    s.execute(ddl);
                }
                record(c, current + 1);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void record(Connection c, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
            s.setInt(1, version);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    Connection connect() throws SQLException {
        return connect("");
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Deadlock, lock timeout: Derby rolled the transaction back, and running it again may well succeed. */
    private static final java.util.Set<String> RETRIED = java.util.Set.of("40001", "40XL1", "40XL2");
    private static final int ATTEMPTS = 8;

    /**
     * Runs the work in one serializable transaction, committed when it returns and rolled back when it
     * throws; run again, after a short random pause, when Derby aborted it for a deadlock or a lock timeout.
     */
    <T> T transaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!RETRIED.contains(e.getSQLState()) || attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 10L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while retrying a transaction", interrupted);
                }
            }
        }
    }

    /** Runs an update with its values; says how many rows it changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private Connection connect(String attributes) throws SQLException {
        Connection c = driver.connect(url + attributes, new Properties());
        if (c == null) {
            throw new SQLException("Derby refused the URL " + url);
        }
        return c;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** Closes an embedded database; a shared one on a server stays up for the other nodes. */
    void shutdown() {
        if (!embedded) {
            return;
        }
        try (Connection ignored = driver.connect(url + ";shutdown=true", new Properties())) {
            // Derby answers a shutdown with an exception
        } catch (SQLException expected) {
            // 08006: the database was shut down
        }
    }
}
