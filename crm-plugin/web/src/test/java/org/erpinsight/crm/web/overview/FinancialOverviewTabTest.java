package org.erpinsight.crm.web.overview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.MonthlyRevenue;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.YearlyRevenue;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.ReturnPath;
import org.junit.Test;

/**
 * Rendering rules of the tab that end-to-end tests cannot reach with the demo ERP: hostile
 * ERP data is escaped, and every failure is a message in the tab, never an exception.
 * The gateway and link store here are test doubles returning fixed data (the real ones run
 * in the integration tests).
 */
public class FinancialOverviewTabTest {
    private static final RecordRef REF = new RecordRef(RecordType.COMPANY, "c-1");
    private static final CrmRecord RECORD = new CrmRecord(REF, "Acme <b>", null, "x@acme.example", null, null, null);
    private static final CrmUser ADMIN = new CrmUser("ada", "Ada", EnumSet.allOf(Permission.class));

    private static CustomerOverview overview(String name) {
        return overview(name, new BigDecimal("1000.00"));
    }

    private static CustomerOverview overview(String name, BigDecimal creditLimit) {
        return new CustomerOverview("10001", name, "DKK", new BigDecimal("1250.50"), new BigDecimal("1000.00"), 2, 1,
                creditLimit, new BigDecimal("1250.50"), new BigDecimal("99.99"), BigDecimal.ZERO,
                List.of(new MonthlyRevenue(YearMonth.of(2026, 1), new BigDecimal("99.99"))),
                List.of(new YearlyRevenue(2026, new BigDecimal("99.99"))), null, LocalDate.of(2026, 1, 5), null, true,
                Instant.parse("2026-11-28T10:00:00Z"));
    }

    private static final class FixedGateway implements ErpGateway {
        private final CustomerOverview overview;
        private final RuntimeException failure;

        FixedGateway(CustomerOverview overview, RuntimeException failure) {
            this.overview = overview;
            this.failure = failure;
        }

        @Override public Set<String> sources() { return Set.of("default"); }
        @Override public Optional<Party> customer(String source, String n) { return Optional.empty(); }
        @Override public List<Party> searchCustomers(String source, PartyQuery q) {
            if (failure != null) {
                throw failure;
            }
            return List.of(new Party("10001", PartyKind.CUSTOMER, "<img src=x onerror=alert(1)>", null, null, null, null,
                    null, null, "DKK", false));
        }
        @Override public List<Party> searchSuppliers(String source, PartyQuery q) { return List.of(); }
        @Override public List<org.erpinsight.crm.api.ProjectSummary> searchProjects(String source, String text, int limit) {
            return List.of();
        }
        @Override public CustomerOverview customerOverview(String source, String n) {
            if (failure != null) {
                throw failure;
            }
            return overview;
        }
        @Override public PartyPage parties(String source, PartyKind kind, int offset, int limit) { return null; }
        @Override public org.erpinsight.crm.api.InvoicePage invoices(String source, String n, org.erpinsight.crm.api.InvoiceStatus status,
                                                                     int offset, int limit) { return null; }
        @Override public byte[] invoiceDocument(String source, String number) { return null; }
        @Override public org.erpinsight.crm.api.OrderPage orders(String source, String n, int offset, int limit) { return null; }
        @Override public org.erpinsight.crm.api.PriceQuote quote(String source, String n, List<org.erpinsight.crm.api.LineRequest> l) {
            return null;
        }
        @Override public org.erpinsight.crm.api.Order createOrder(String source, String key, String n, String ref,
                                                                  List<org.erpinsight.crm.api.LineRequest> l) { return null; }
        @Override public org.erpinsight.crm.api.OrderConfirmation confirmOrder(String source, String number, boolean accept) {
            return null;
        }
        @Override public Optional<org.erpinsight.crm.api.Order> order(String source, String number) { return Optional.empty(); }
        @Override public org.erpinsight.crm.api.Order replaceOrderLines(String source, String number,
                                                                        List<org.erpinsight.crm.api.LineRequest> l) { return null; }
        @Override public List<org.erpinsight.crm.api.Item> searchItems(String source, String text, int limit) { return List.of(); }
        @Override public Optional<Party> supplier(String source, String n) { return Optional.empty(); }
        @Override public org.erpinsight.crm.api.SupplierOverview supplierOverview(String source, String n) { return null; }
        @Override public ErpReading<org.erpinsight.crm.api.SupplierOverview> readSupplierOverview(String source, String n) { return null; }
        @Override public List<org.erpinsight.crm.api.ProjectSummary> projects(String source, String n) { return List.of(); }
        @Override public org.erpinsight.crm.api.ProjectOverview projectOverview(String source, String n) { return null; }
        @Override public ErpReading<org.erpinsight.crm.api.ProjectOverview> readProjectOverview(String source, String n) { return null; }
        @Override public Party createParty(String source, String key, PartyKind kind, String name, String number, String vat) {
            return null;
        }
        @Override public ErpReading<CustomerOverview> readCustomerOverview(String source, String n) {
            if (failure != null && overview != null) {
                return new ErpReading<>(overview, Instant.now().minusSeconds(600), true, failure.getMessage());
            }
            return new ErpReading<>(customerOverview(source, n), Instant.now(), false, null);
        }
    }

    private static final class OneLink implements LinkService {
        private final String number;

        OneLink(String number) {
            this.number = number;
        }

        @Override public Link link(RecordRef r, String s, LinkKind k, String n, String a, String why) { throw new AssertionError("the tab never links"); }
        @Override public boolean unlink(RecordRef r, String s, LinkKind k, String a, String why) { return false; }
        @Override public Optional<Link> linkOf(RecordRef r, String s, LinkKind k) {
            return Optional.ofNullable(number).map(n -> new Link(r, s, k, n, Instant.EPOCH, "test"));
        }
        @Override public List<Link> linksOf(RecordRef r) { return List.of(); }
        @Override public Optional<Link> linkTo(String s, LinkKind k, String n) { return Optional.empty(); }
        @Override public List<LinkChange> history(RecordRef r) { return List.of(); }
        @Override public List<Link> links(String source, LinkKind kind, int offset, int limit) { return List.of(); }
        @Override public List<LinkChange> changes(int offset, int limit) { return List.of(); }
        @Override public List<LinkChange> latestChanges(int limit) { return List.of(); }
        @Override public Link link(RecordRef r, String s, LinkKind k, String n, org.erpinsight.crm.api.links.LinkEdit e) {
            return link(r, s, k, n, e.actor(), e.reason());
        }
        @Override public boolean unlink(RecordRef r, String s, LinkKind k, org.erpinsight.crm.api.links.LinkEdit e) {
            return unlink(r, s, k, e.actor(), e.reason());
        }
    }

    private static InsightConfiguration config() {
        return new InsightConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return InsightConfiguration.class; }
            @Override public String source() { return "default"; }
        };
    }

    private static String render(ErpGateway gateway, String linkedNumber, CrmUser user) {
        return new FinancialOverviewTab(gateway, new OneLink(linkedNumber), new CsrfTokens(), config())
                .render(RECORD, user, "/crm/company/c-1?x=\"><script>");
    }

    @Test
    public void figuresAreShownWithExactAmountsAndWarnings() {
        String html = render(new FixedGateway(overview("Acme"), null), "10001", ADMIN);
        assertTrue(html.contains("data-figure=\"balance\" data-amount=\"1250.50\">1,250.50 DKK"));
        assertTrue(html.contains("blocked in the ERP"));
        assertTrue(html.contains("Over the credit limit"));
        assertTrue(html.contains("1 overdue invoice(s)"));
    }

    @Test
    public void aCustomerWithoutACreditLimitReadsNoLimitNotOverIt() {
        String html = render(new FixedGateway(overview("Acme", null), null), "10001", ADMIN);
        assertTrue(html, html.contains("data-no-limit=\"true\">No limit"));
        assertFalse(html.contains("Over the credit limit"));
        assertFalse(html.contains("% of the limit"));
    }

    @Test
    public void hostileErpAndCrmDataIsEscaped() {
        String linked = render(new FixedGateway(overview("<script>alert(1)</script>"), null), "10001", ADMIN);
        assertFalse(linked.contains("<script>"));
        assertTrue(linked.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String unlinked = render(new FixedGateway(null, null), null, ADMIN);
        assertFalse(unlinked.contains("<img src=x"));
        assertFalse("the return path is escaped in the form", unlinked.contains("\"><script>"));
    }

    @Test
    public void failuresBecomeMessagesInTheTab() {
        String down = render(new FixedGateway(null, new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "down <now>")),
                "10001", ADMIN);
        assertTrue(down.contains("ERP unreachable: down &lt;now&gt;"));
        String gone = render(new FixedGateway(null, new ErpGatewayException(ErpErrorCode.NOT_FOUND, "no")), "10001", ADMIN);
        assertTrue(gone.contains("no longer exists in the ERP"));
        String noSuggestions = render(new FixedGateway(null, new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "x")),
                null, ADMIN);
        assertTrue(noSuggestions.contains("not linked"));
        assertTrue(noSuggestions.contains("No suggestions"));
    }

    @Test
    public void lastKnownFiguresAreShownWithTheirAgeWhenTheSidecarIsDown() {
        String html = render(new FixedGateway(overview("Acme"), new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                "Sidecar 'default' cannot be reached.")), "10001", ADMIN);
        assertTrue(html, html.contains("Showing the last known figures, read 10 min ago."));
        assertTrue(html.contains("data-stale=\"true\""));
        assertTrue(html.contains("data-figure=\"balance\" data-amount=\"1250.50\""));
    }

    @Test
    public void permissionsDecideWhatIsShown() {
        CrmUser guest = new CrmUser("gus", "Gus", EnumSet.noneOf(Permission.class));
        assertFalse(render(new FixedGateway(overview("Acme"), null), "10001", guest).contains("data-figure"));
        CrmUser sales = new CrmUser("sam", "Sam", EnumSet.of(Permission.VIEW_FINANCIALS));
        String html = render(new FixedGateway(overview("Acme"), null), "10001", sales);
        assertTrue(html.contains("data-figure=\"balance\""));
        assertFalse("only link managers may unlink", html.contains("Unlink"));
    }

    @Test
    public void onlyLocalPathsAreFollowedAfterAPost() {
        assertEquals("/crm/company/c-1", ReturnPath.safe("/crm/company/c-1"));
        assertEquals("/", ReturnPath.safe("//evil.example/"));
        assertEquals("/", ReturnPath.safe("https://evil.example/"));
        assertEquals("/", ReturnPath.safe("/\\evil"));
        assertEquals("/", ReturnPath.safe(null));
    }

    @Test
    public void csrfTokensAreBoundToTheUser() {
        CsrfTokens tokens = new CsrfTokens();
        assertTrue(tokens.valid("ada", tokens.tokenFor("ada")));
        assertFalse(tokens.valid("bob", tokens.tokenFor("ada")));
        assertFalse(tokens.valid("ada", null));
        assertFalse("another start makes another secret", new CsrfTokens().valid("ada", tokens.tokenFor("ada")));
    }
}
