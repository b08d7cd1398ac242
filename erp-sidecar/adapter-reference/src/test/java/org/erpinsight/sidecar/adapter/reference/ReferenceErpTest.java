package org.erpinsight.sidecar.adapter.reference;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.PartyQuery;
import org.erpinsight.sidecar.core.PartyKind;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The reference ERP on a real Derby database with small demo data, at a fixed date. */
public class ReferenceErpTest {
    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static Path dir;
    private static ReferenceErp erp;

    @BeforeClass
    public static void open() throws Exception {
        dir = FOLDER.newFolder("a").toPath();
        erp = ReferenceErp.open(new ReferenceErpSettings(dir, DemoSize.SMALL, CLOCK));
    }

    @AfterClass
    public static void close() {
        erp.close();
    }

    @Test
    public void overviewFiguresEqualTheInvoicesSummedInSql() throws Exception {
        for (String customer : new String[] {"10001", "10006", "10042"}) {
            CustomerOverview o = erp.customerOverview(customer).orElseThrow();
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dir.resolve("reference-erp").toString());
            try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT SUM(amount - paid_amount), SUM(CASE WHEN due_date < ? THEN amount - paid_amount ELSE 0 END),"
                    + " COUNT(*), SUM(CASE WHEN due_date < ? THEN 1 ELSE 0 END)"
                    + " FROM invoice WHERE customer_number = ? AND amount > paid_amount")) {
                Date today = Date.valueOf(LocalDate.now(CLOCK));
                s.setDate(1, today);
                s.setDate(2, today);
                s.setString(3, customer);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(customer, zeroIfNull(rs.getBigDecimal(1)), o.balance());
                    assertEquals(customer, zeroIfNull(rs.getBigDecimal(2)), o.overdueAmount());
                    assertEquals(rs.getInt(3), o.openInvoiceCount());
                    assertEquals(rs.getInt(4), o.overdueInvoiceCount());
                }
            }
            assertEquals(24, o.revenueByMonth().size());
            assertEquals("2026-06", o.revenueByMonth().get(23).month().toString());
            assertEquals(Instant.parse("2026-06-15T12:00:00Z"), o.asOf());
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? new BigDecimal("0.00") : value;
    }

    @Test
    public void theSlowPayerIsOverdueAndOverItsCreditLimit() {
        CustomerOverview o = erp.customerOverview("10006").orElseThrow();
        assertTrue(o.overdueInvoiceCount() > 0);
        assertTrue(o.creditUsed().compareTo(o.creditLimit()) > 0);
    }

    @Test
    public void demoDataIsTheSameForTheSameSizeAndDate() throws Exception {
        try (ReferenceErp second = ReferenceErp.open(new ReferenceErpSettings(FOLDER.newFolder("b").toPath(), DemoSize.SMALL, CLOCK))) {
            assertEquals(erp.customerOverview("10017"), second.customerOverview("10017"));
            assertEquals(erp.parties(PartyKind.SUPPLIER, 0, 50), second.parties(PartyKind.SUPPLIER, 0, 50));
        }
    }

    @Test
    public void partiesArePagedAndUnknownNumbersAreEmpty() {
        assertEquals(60, erp.parties(PartyKind.CUSTOMER, 0, 10).total());
        assertEquals(15, erp.parties(PartyKind.SUPPLIER, 0, 100).parties().size());
        assertEquals("10060", erp.parties(PartyKind.CUSTOMER, 59, 10).parties().get(0).number());
        assertTrue(erp.parties(PartyKind.CUSTOMER, 60, 10).parties().isEmpty());
        assertTrue(erp.customer("99999").isEmpty());
        assertTrue(erp.customerOverview("99999").isEmpty());
    }

    @Test
    public void searchRanksAnExactVatNumberFirstAndTreatsLikeCharactersLiterally() {
        assertEquals("10001", erp.searchCustomers(new PartyQuery("byg", "DK 1234 5678", null, null, 5)).get(0).number());
        assertTrue(erp.searchCustomers(new PartyQuery("%", null, null, null, 5)).isEmpty());
        assertTrue(erp.searchCustomers(new PartyQuery("__", null, null, null, 5)).isEmpty());
    }
}
