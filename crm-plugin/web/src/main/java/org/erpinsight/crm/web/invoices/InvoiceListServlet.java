package org.erpinsight.crm.web.invoices;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
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
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Blocks;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Page;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

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
        if (user.isEmpty() || !user.get().may(Permission.VIEW_FINANCIALS)) {
            Page.write(response, 403, texts.get("list.title"), Blocks.banner("error", texts.get("invoices.noPermission")), returnTo, texts);
            return;
        }
        RecordRef record;
        InvoiceStatus status;
        int page;
        int size;
        try {
            record = RecordRef.parse(request.getParameter("record"));
            status = status(request.getParameter("status"));
            page = number("page", request.getParameter("page"), 1, 100_000, 1);
            size = number("size", request.getParameter("size"), 5, MAX_PAGE_SIZE, PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            Page.write(response, 400, texts.get("list.title"), Blocks.banner("error", e.getMessage()), returnTo, texts);
            return;
        }
        Optional<Link> link = links.linkOf(record, source, LinkKind.CUSTOMER);
        if (link.isEmpty()) {
            Page.write(response, 404, texts.get("list.title"), Blocks.banner("warning", texts.get("customer.notLinked")), returnTo, texts);
            return;
        }
        String customer = link.get().erpNumber();
        try {
            InvoicePage shown = gateway.invoices(source, customer, status, (page - 1) * size, size);
            Page.write(response, 200, texts.get("list.titleOf", customer), body(texts, record, customer, status, page, size, shown, returnTo),
                    returnTo, texts);
        } catch (ErpGatewayException e) {
            Page.write(response, e.code() == ErpErrorCode.NOT_FOUND ? 404 : 503, texts.get("list.title"), Blocks.banner("error",
                    e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone") : texts.get("erp.unreachable", e.getMessage())),
                    returnTo, texts);
        }
    }

    private String body(Texts texts, RecordRef record, String customer, InvoiceStatus status, int page, int size, InvoicePage shown,
                        String returnTo) {
        StringBuilder html = new StringBuilder("<h1>").append(Html.escape(texts.get("list.heading", customer))).append("</h1><nav>");
        for (InvoiceStatus filter : new InvoiceStatus[] {null, InvoiceStatus.OPEN, InvoiceStatus.OVERDUE, InvoiceStatus.PAID}) {
            String label = Html.escape(texts.get("filter." + (filter == null ? "ALL" : filter.name())));
            if (filter == status) {
                html.append("<b data-filter=\"").append(filter == null ? "ALL" : filter.name()).append("\">").append(label).append("</b>");
            } else {
                html.append("<a href=\"").append(Html.escape(address(record, filter, 1, size, returnTo))).append("\">").append(label)
                        .append("</a>");
            }
        }
        html.append("</nav>");
        int pages = Math.max(1, (shown.total() + size - 1) / size);
        if (shown.invoices().isEmpty()) {
            html.append(Blocks.note(texts.get(page > pages ? "list.noneOnPage" : "invoices.none")));
        } else {
            html.append("<table data-total=\"").append(shown.total()).append("\"><thead><tr><th>").append(Html.escape(texts.get("invoices.invoice")))
                    .append("</th><th>").append(Html.escape(texts.get("invoices.date"))).append("</th><th>").append(Html.escape(texts.get("invoices.due")))
                    .append("</th><th class=\"erp-amount\">").append(Html.escape(texts.get("invoices.amount"))).append("</th><th class=\"erp-amount\">")
                    .append(Html.escape(texts.get("invoices.open"))).append("</th><th>").append(Html.escape(texts.get("invoices.status")))
                    .append("</th><th></th></tr></thead><tbody>");
            for (Invoice i : shown.invoices()) {
                html.append("<tr data-invoice=\"").append(Html.escape(i.number())).append("\" data-status=\"").append(i.status())
                        .append("\" data-amount=\"").append(Html.escape(i.amount().toPlainString())).append("\" data-open=\"")
                        .append(Html.escape(i.openAmount().toPlainString())).append("\"")
                        .append(i.status() == InvoiceStatus.OVERDUE ? " class=\"erp-overdue\"" : "").append("><td>")
                        .append(Html.escape(i.number())).append("</td><td>").append(texts.date(i.invoiceDate())).append("</td><td>")
                        .append(texts.date(i.dueDate())).append("</td><td class=\"erp-amount\">")
                        .append(Html.escape(texts.amount(i.amount(), i.currency()))).append("</td><td class=\"erp-amount\">")
                        .append(Html.escape(texts.amount(i.openAmount(), i.currency()))).append("</td><td>")
                        .append(Html.escape(texts.get("status." + i.status().name()))).append("</td><td><a href=\"")
                        .append(InvoiceDocumentServlet.PATH).append("?record=").append(Html.escape(url(record.toString())))
                        .append("&amp;invoice=").append(Html.escape(url(i.number()))).append("\">PDF</a></td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<nav class=\"erp-pages\">");
        if (page > 1) {
            html.append("<a rel=\"prev\" href=\"").append(Html.escape(address(record, status, page - 1, size, returnTo))).append("\">").append(Html.escape(texts.get("list.previous"))).append("</a>");
        }
        html.append("<span data-page=\"").append(page).append("\" data-pages=\"").append(pages).append("\">")
                .append(Html.escape(texts.get("list.page", page, pages, shown.total()))).append("</span>");
        if (page < pages) {
            html.append("<a rel=\"next\" href=\"").append(Html.escape(address(record, status, page + 1, size, returnTo))).append("\">").append(Html.escape(texts.get("list.next"))).append("</a>");
        }
        html.append("</nav>");
        totals(html, texts, customer, status, shown.total());
        return html.toString();
    }

    /** The totals of the whole filter, by currency, read page by page from the ERP. */
    private void totals(StringBuilder html, Texts texts, String customer, InvoiceStatus status, int total) {
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
        html.append("<dl class=\"erp-totals\" data-counted=\"").append(read).append("\">");
        for (Map.Entry<String, BigDecimal[]> sum : sums.entrySet()) {
            html.append("<dt>").append(Html.escape(texts.get("list.total", sum.getKey()))).append("</dt><dd data-total-amount=\"")
                    .append(Html.escape(sum.getValue()[0].toPlainString())).append("\" data-total-open=\"")
                    .append(Html.escape(sum.getValue()[1].toPlainString())).append("\">")
                    .append(Html.escape(texts.get("list.totalValue", texts.amount(sum.getValue()[0], sum.getKey()),
                            texts.amount(sum.getValue()[1], sum.getKey())))).append("</dd>");
        }
        html.append("</dl>");
        if (total > TOTALS_LIMIT) {
            html.append(Blocks.note(texts.get("list.totalsOf", TOTALS_LIMIT, total)));
        }
    }

    private static InvoiceStatus status(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return InvoiceStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be ALL, OPEN, OVERDUE or PAID");
        }
    }

    private static int number(String name, String value, int min, int max, int otherwise) {
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
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
