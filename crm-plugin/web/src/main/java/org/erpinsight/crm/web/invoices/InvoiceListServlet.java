package org.erpinsight.crm.web.invoices;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Invoice;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * All invoices of a linked record's ERP customer, a page at a time: filtered by open, overdue or
 * paid, with the totals of the filter (amount and still open, by currency) and each invoice's
 * PDF. Reached from the Invoices tab; only for users who may see financial figures.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(InvoiceListServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "invoices")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class InvoiceListServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/invoices";
    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;
    /** Totals are summed over at most this many invoices of the filter; beyond, the page says so. */
    static final int TOTALS_LIMIT = 5_000;
    private static final long serialVersionUID = 1L;

    private final transient ErpGateway gateway;
    private final transient LinkService links;
    private final transient CrmUsers users;
    private final String source;

    @Activate
    public InvoiceListServlet(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CrmUsers users,
                              InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.users = users;
        this.source = config.source();
    }

    /** The address of one page of the list. */
    public static String address(RecordRef record, InvoiceStatus status, int page, String returnTo) {
        return address(record, status, page, PAGE_SIZE, returnTo);
    }

    static String address(RecordRef record, InvoiceStatus status, int page, int size, String returnTo) {
        return PATH + "?record=" + url(record.toString()) + (status == null ? "" : "&status=" + status.name())
                + (page > 1 ? "&page=" + page : "") + (size != PAGE_SIZE ? "&size=" + size : "") + "&returnTo=" + url(returnTo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = request.getParameter("returnTo");
        Optional<CrmUser> user = users.currentUser(request);
        Texts texts = user.map(u -> Texts.of(u.locale())).orElse(Texts.ENGLISH);
        String title = texts.get("list.title");
        if (user.isEmpty() || !user.get().may(Permission.VIEW_FINANCIALS)) {
            Page.message(response, 403, texts, title, "error", texts.get("invoices.noPermission"), returnTo);
            return;
        }
        RecordRef record;
        InvoiceStatus status;
        int page;
        int size;
        try {
            record = record(texts, request.getParameter("record"));
            status = status(texts, request.getParameter("status"));
            page = number(texts, "page", request.getParameter("page"), 1, 100_000, 1);
            size = number(texts, "size", request.getParameter("size"), 5, MAX_PAGE_SIZE, PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            Page.message(response, 400, texts, title, "error", e.getMessage(), returnTo);
            return;
        }
        Optional<Link> link = links.linkOf(record, source, LinkKind.CUSTOMER);
        if (link.isEmpty()) {
            Page.message(response, 404, texts, title, "warning", texts.get("customer.notLinked"), returnTo);
            return;
        }
        String customer = link.get().erpNumber();
        try {
            InvoicePage shown = gateway.invoices(source, customer, status, (page - 1) * size, size);
            int pages = Math.max(1, (shown.total() + size - 1) / size);
            List<Total> totals = new ArrayList<>();
            int counted = totals(customer, status, shown.total(), totals);
            View view = new View(texts, record, customer, status, page, pages, size, shown, returnTo, totals, counted, TOTALS_LIMIT);
            Page.write(response, 200, texts, texts.get("list.titleOf", customer), Views.content("invoices/invoiceList.jte", view), returnTo);
        } catch (ErpGatewayException e) {
            Page.message(response, e.code() == ErpErrorCode.NOT_FOUND ? 404 : 503, texts, title, "error",
                    e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone") : texts.erpProblem(e),
                    returnTo);
        }
    }

    /** One currency's sums over the filter. */
    public record Total(String currency, BigDecimal amount, BigDecimal open) {
    }

    /** What {@code invoices/invoiceList.jte} shows: one page of a filter, the way to the others, the filter's totals. */
    public record View(Texts t, RecordRef record, String customer, InvoiceStatus status, int page, int pages, int size,
                       InvoicePage shown, String returnTo, List<Total> totals, int counted, int totalsLimit) {
        public String address(InvoiceStatus filter, int toPage) {
            return InvoiceListServlet.address(record, filter, toPage, size, returnTo);
        }

        public String documentAddress(Invoice invoice) {
            return InvoiceDocumentServlet.PATH + "?record=" + url(record.toString()) + "&invoice=" + url(invoice.number());
        }
    }

    /** The totals of the whole filter, by currency, read page by page from the ERP; answers how many invoices were summed. */
    private int totals(String customer, InvoiceStatus status, int total, List<Total> totals) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        int read = 0;
        for (int offset = 0; offset < Math.min(total, TOTALS_LIMIT); offset += 500) {
            InvoicePage part = gateway.invoices(source, customer, status, offset, 500);
            for (Invoice i : part.invoices()) {
                BigDecimal[] sum = sums.computeIfAbsent(i.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(i.amount());
                sum[1] = sum[1].add(i.openAmount());
                read++;
            }
            if (part.invoices().isEmpty()) {
                break;
            }
        }
        sums.forEach((currency, sum) -> totals.add(new Total(currency, sum[0], sum[1])));
        return read;
    }

    private static RecordRef record(Texts texts, String value) {
        try {
            return RecordRef.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(texts.get("list.badRecord"));
        }
    }

    private static InvoiceStatus status(Texts texts, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return InvoiceStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(texts.get("list.badStatus"));
        }
    }

    private static int number(Texts texts, String name, String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(texts.get("list.badNumber", name, min, max));
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
