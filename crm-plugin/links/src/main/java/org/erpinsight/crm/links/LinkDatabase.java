package org.erpinsight.crm.links;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.apache.derby.iapi.jdbc.AutoloadedDriver;

/**
 * The embedded Derby database behind the link store. Derby lives inside this bundle, so
 * connections come from its driver directly: DriverManager would refuse a driver its caller
 * cannot see.
 */
final class LinkDatabase {
    private static final String[] SCHEMA = {
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
    };

    private final String url;
    private final AutoloadedDriver driver = new AutoloadedDriver();

    LinkDatabase(Path directory) {
        if (System.getProperty("derby.stream.error.file") == null && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.file", directory.resolveSibling(directory.getFileName() + "-derby.log").toString());
        }
        this.url = "jdbc:derby:" + directory.toAbsolutePath();
        try (Connection c = connect(";create=true")) {
            if (!tableExists(c, "LINK")) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String ddl : SCHEMA) {
                        s.execute(ddl);
                    }
                }
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the link database at " + directory + ": " + e.getMessage(), e);
        }
    }

    Connection connect() throws SQLException {
        return connect("");
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

    void shutdown() {
        try (Connection ignored = driver.connect(url + ";shutdown=true", new Properties())) {
            // Derby answers a shutdown with an exception
        } catch (SQLException expected) {
            // 08006: the database was shut down
        }
    }
}
