package org.erpinsight.sidecar.adapter.reference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What the reference ERP does with a database it finds: it recreates one only when it read an
 * older schema version from it, and refuses to start, leaving every file, when it cannot tell.
 */
public class ReferenceErpDatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private static ReferenceErpSettings settings(Path dir) {
        return new ReferenceErpSettings(dir, DemoSize.SMALL, CLOCK);
    }

    private static void sql(Path db, String... statements) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        shutdown(db);
    }

    private static int count(Path db, String query) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        } finally {
            shutdown(db);
        }
    }

    private static void shutdown(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setShutdownDatabase("shutdown");
        try (Connection ignored = ds.getConnection()) {
            // Derby answers a shutdown with an exception
        } catch (SQLException expected) {
            // shut down
        }
    }

    @Test
    public void aDirectoryDerbyCannotOpenIsLeftAsItIsAndTheSidecarRefusesToStart() throws Exception {
        Path dir = folder.newFolder("unreadable").toPath();
        Path db = Files.createDirectories(dir.resolve("reference-erp"));
        Files.writeString(db.resolve("customers-we-wrote.txt"), "100,000 rows");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ReferenceErp.open(settings(dir)));

        assertTrue(refused.getMessage(), refused.getMessage().contains("Cannot read the reference ERP"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("not starting"));
        assertEquals("100,000 rows", Files.readString(db.resolve("customers-we-wrote.txt")));
    }

    @Test
    public void aDerbyDatabaseThatIsNoReferenceErpIsNotTouched() throws Exception {
        Path dir = folder.newFolder("foreign").toPath();
        Path db = dir.resolve("reference-erp");
        sql(db, "CREATE TABLE someone_elses (id INT)", "INSERT INTO someone_elses VALUES (1), (2)");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ReferenceErp.open(settings(dir)));

        assertTrue(refused.getMessage(), refused.getMessage().contains("no reference ERP"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM someone_elses"));
    }

    @Test
    public void aNewerSchemaIsRefusedAndKept() throws Exception {
        Path dir = folder.newFolder("newer").toPath();
        Path db = dir.resolve("reference-erp");
        sql(db, "CREATE TABLE erp_meta (k VARCHAR(40) PRIMARY KEY, v VARCHAR(200))",
                "INSERT INTO erp_meta VALUES ('schema_version', '" + (DemoData.SCHEMA_VERSION + 1) + "')");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ReferenceErp.open(settings(dir)));

        assertTrue(refused.getMessage(), refused.getMessage().contains("newer version"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM erp_meta"));
    }

    @Test
    public void anOlderSchemaReadFromTheDatabaseIsRecreatedWithDemoData() throws Exception {
        Path dir = folder.newFolder("older").toPath();
        Path db = dir.resolve("reference-erp");
        sql(db, "CREATE TABLE erp_meta (k VARCHAR(40) PRIMARY KEY, v VARCHAR(200))",
                "INSERT INTO erp_meta VALUES ('schema_version', '" + (DemoData.SCHEMA_VERSION - 1) + "')");

        try (ReferenceErp erp = ReferenceErp.open(settings(dir))) {
            assertTrue(erp.customer("10001").isPresent());
        }
        assertEquals(DemoData.SCHEMA_VERSION, ReferenceErp.schemaVersion(db.toString()));
        shutdown(db);
    }

    @Test
    public void aCurrentDatabaseKeepsItsRows() throws Exception {
        Path dir = folder.newFolder("current").toPath();
        Path db = dir.resolve("reference-erp");
        ReferenceErp.open(settings(dir)).close();
        int before = count(db, "SELECT COUNT(*) FROM customer");
        sql(db, "INSERT INTO customer (number, name, name_folded, currency, customer_group, market, blocked)"
                + " VALUES ('X-1', 'Written by a benchmark', 'written by a benchmark', 'DKK', 'STANDARD', 'DOMESTIC', FALSE)");

        try (ReferenceErp erp = ReferenceErp.open(settings(dir))) {
            assertTrue(erp.customer("X-1").isPresent());
        }
        assertEquals(before + 1, count(db, "SELECT COUNT(*) FROM customer"));
    }
}
