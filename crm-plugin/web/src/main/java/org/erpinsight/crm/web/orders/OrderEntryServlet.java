package org.erpinsight.crm.web.orders;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderLine;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.ReturnPath;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import gg.jte.Content;

/**
 * Order entry from a CRM record on the ERP's own order lines: price the lines (quote), create the
 * draft order in the ERP (with an idempotency key made for this form, so a double click or a
 * retry never makes a second order), then work on the draft in the ERP: find items by number or
 * name, add, change and remove lines (the ERP prices them again; as quantities change the page
 * asks for prices without saving, where scripts run), and confirm it (accepting a credit warning
 * explicitly if the ERP gives one). A draft is reopened from the Orders tab. Every action checks
 * that the order belongs to the customer linked to the record. Nothing is stored here.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(OrderEntryServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "order-entry")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class OrderEntryServlet extends HttpServlet {
    static final String PATH = "/erp-insight/order";
    static final int MAX_LINES = 20;
    private static final long serialVersionUID = 1L;

    private final transient ErpGateway gateway;
    private final transient LinkService links;
    private final transient CrmUsers users;
    private final transient CsrfTokens csrf;
    private final String source;

    @Activate
    public OrderEntryServlet(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CrmUsers users,
                             @Reference CsrfTokens csrf, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.users = users;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** A refusal shown to the user with its HTTP status: a text's key and values, said in the user's language. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Object[] values;

        Refusal(int status, String key, Object... values) {
            super(key, null, false, false);
            this.status = status;
            this.values = values;
        }

        String in(Texts texts) {
            return texts.get(getMessage(), values);
        }
    }

    /** What {@code orders/quote.jte} shows. */
    public record Quote(Texts t, OrderForm form, String customer, PriceQuote quote, List<LineRequest> lines, String reference, String key) {
    }

    /** What {@code orders/editor.jte} shows: the order, what was searched and found, a line that was not added. */
    public record Editor(Texts t, OrderForm form, Order order, String searched, List<Item> found, String notAdded) {
        public int newLines() {
            return Math.max(0, Math.min(2, MAX_LINES - order.lines().size()));
        }
    }

    /** What {@code orders/confirmation.jte} shows. */
    public record Confirmation(Texts t, OrderForm form, String number, OrderConfirmation result) {
    }

    /** The address that reopens a draft in the editor, from the Orders tab. */
    static String editorAddress(String record, String order, String returnTo) {
        java.util.function.Function<String, String> url = v -> java.net.URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8);
        return PATH + "?record=" + url.apply(record) + "&order=" + url.apply(order) + "&returnTo=" + url.apply(returnTo);
    }

    private Texts texts(HttpServletRequest request) {
        return users.currentUser(request).map(u -> Texts.of(u.locale())).orElse(Texts.ENGLISH);
    }

    /** Reopens an order of the record's customer: a draft in the editor, a confirmed one as it stands. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.safe(request.getParameter("returnTo"));
        Texts texts = texts(request);
        try {
            CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "entry.signIn"));
            if (!user.may(Permission.ENTER_ORDERS)) {
                throw new Refusal(403, "entry.noPermission");
            }
            String record = required(request, "record");
            Order order = ownOrder(required(request, "order"), customerOf(record));
            page(response, 200, texts, editor(texts, user, record, returnTo, order, null, null, null), returnTo);
        } catch (Refusal r) {
            Page.message(response, r.status, texts, texts.get("entry.title"), "error", r.in(texts), returnTo);
        } catch (ErpGatewayException e) {
            Page.message(response, 503, texts, texts.get("entry.title"), "error", texts.erpProblem(e), returnTo);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.safe(request.getParameter("returnTo"));
        Texts texts = texts(request);
        try {
            CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "entry.signIn"));
            if (!csrf.valid(user.id(), request.getParameter(CsrfTokens.FIELD))) {
                throw new Refusal(403, "entry.expired");
            }
            if (!user.may(Permission.ENTER_ORDERS)) {
                throw new Refusal(403, "entry.noPermission");
            }
            String record = required(request, "record");
            String customer = customerOf(record);
            String action = required(request, "action");
            if (action.equals("quote") && wantsJson(request)) {
                json(response, 200, quoteJson(texts, gateway.quote(source, customer, lines(request))));
                return;
            }
            OrderForm form = new OrderForm(record, returnTo, csrf.tokenFor(user.id()));
            Content body = switch (action) {
                case "quote" -> quote(request, texts, form, customer);
                case "create" -> create(request, texts, form, customer);
                case "save" -> save(request, texts, form, customer);
                case "add" -> add(request, texts, form, customer);
                case "items" -> items(request, texts, form, customer);
                case "confirm" -> confirm(request, texts, form, customer);
                default -> throw new Refusal(400, "entry.badAction");
            };
            page(response, 200, texts, body, returnTo);
        } catch (Refusal r) {
            if (wantsJson(request)) {
                json(response, r.status, "{\"message\":" + org.erpinsight.crm.web.view.Json.string(r.in(texts)) + "}");
                return;
            }
            Page.message(response, r.status, texts, texts.get("entry.title"), "error", r.in(texts), returnTo);
        } catch (ErpGatewayException e) {
            int status = switch (e.code()) {
                case NOT_FOUND, INVALID_REQUEST -> 422;
                case UNAUTHENTICATED -> 502;
                default -> 503;
            };
            String message = e.code() == ErpErrorCode.SIDECAR_UNREACHABLE || e.code() == ErpErrorCode.ERP_UNAVAILABLE
                    ? texts.erpProblem(e) : texts.get("entry.erpRefused", e.getMessage());
            if (wantsJson(request)) {
                json(response, status, "{\"message\":" + org.erpinsight.crm.web.view.Json.string(message) + "}");
                return;
            }
            Page.message(response, status, texts, texts.get("entry.title"), "error", message, returnTo);
        }
    }

    private String customerOf(String record) throws Refusal {
        RecordRef ref;
        try {
            ref = RecordRef.parse(record);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "entry.badRecord");
        }
        Optional<Link> link = links.linkOf(ref, source, LinkKind.CUSTOMER);
        return link.orElseThrow(() -> new Refusal(409, "entry.linkFirst")).erpNumber();
    }

    private static List<LineRequest> lines(HttpServletRequest request) throws Refusal {
        String[] items = request.getParameterValues("item");
        String[] quantities = request.getParameterValues("quantity");
        List<LineRequest> lines = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.length && i < MAX_LINES; i++) {
                String item = items[i] == null ? "" : items[i].strip();
                String quantity = quantities != null && i < quantities.length && quantities[i] != null ? quantities[i].strip() : "";
                if (item.isEmpty() && quantity.isEmpty()) {
                    continue;
                }
                lines.add(line(i + 1, item, quantity));
            }
        }
        if (lines.isEmpty()) {
            throw new Refusal(400, "entry.noLines");
        }
        return lines;
    }

    private static LineRequest line(int number, String item, String quantity) throws Refusal {
        if (item.isEmpty() || quantity.isEmpty()) {
            throw new Refusal(400, "entry.lineIncomplete", number);
        }
        try {
            return new LineRequest(item, new BigDecimal(quantity));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "entry.notAQuantity", number, quantity);
        }
    }

    private Content quote(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        List<LineRequest> lines = lines(request);
        PriceQuote quote = gateway.quote(source, customer, lines);
        String reference = Optional.ofNullable(request.getParameter("reference")).orElse("");
        // the key is made once for this form: the same order whatever happens to the request
        return Views.content("orders/quote.jte", new Quote(texts, form, customer, quote, lines, reference, "crm-" + UUID.randomUUID()));
    }

    private Content create(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        String key = required(request, "key");
        String reference = request.getParameter("reference");
        Order order = gateway.createOrder(source, key, customer, reference == null || reference.isBlank() ? null : reference.strip(),
                lines(request));
        return editor(texts, form, order, null, null, null);
    }

    /** The order of this record's customer, still a draft: the form's hidden field is the user's to change. */
    private Order draft(HttpServletRequest request, String customer) throws Refusal {
        Order order = ownOrder(required(request, "order"), customer);
        if (!"DRAFT".equals(order.status())) {
            throw new Refusal(409, "entry.alreadyConfirmed", order.number());
        }
        return order;
    }

    private Order ownOrder(String number, String customer) throws Refusal {
        return gateway.order(source, number).filter(o -> customer.equals(o.customerNumber()))
                .orElseThrow(() -> new Refusal(404, "entry.noSuchOrder", number));
    }

    /** Replaces the draft's lines with the form's (those marked for removal left out); the ERP prices them. */
    private Content save(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        Order draft = draft(request, customer);
        java.util.Set<String> removed = java.util.Set.of(Optional.ofNullable(request.getParameterValues("remove")).orElse(new String[0]));
        List<LineRequest> kept = new ArrayList<>();
        String[] items = Optional.ofNullable(request.getParameterValues("item")).orElse(new String[0]);
        String[] quantities = Optional.ofNullable(request.getParameterValues("quantity")).orElse(new String[0]);
        for (int i = 0; i < items.length && i < MAX_LINES; i++) {
            String item = items[i] == null ? "" : items[i].strip();
            String quantity = i < quantities.length && quantities[i] != null ? quantities[i].strip() : "";
            if (removed.contains(Integer.toString(i + 1)) || (item.isEmpty() && quantity.isEmpty())) {
                continue;
            }
            kept.add(line(i + 1, item, quantity));
        }
        if (kept.isEmpty()) {
            throw new Refusal(400, "entry.keepOneLine");
        }
        return editor(texts, form, gateway.replaceOrderLines(source, draft.number(), kept), null, null, null);
    }

    /**
     * Adds one item (from the search) to the draft's lines in the ERP. The form says how many lines
     * the draft had when it was shown: a second click, the back button or a retry finds more and
     * adds nothing.
     */
    private Content add(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        Order draft = draft(request, customer);
        String item = required(request, "add").strip();
        String shownWith = request.getParameter("lines");
        if (shownWith != null && !shownWith.equals(Integer.toString(draft.lines().size()))) {
            return editor(texts, form, draft, null, null, item);
        }
        List<LineRequest> lines = new ArrayList<>();
        draft.lines().forEach(l -> lines.add(new LineRequest(l.itemNumber(), l.quantity())));
        if (lines.size() >= MAX_LINES) {
            throw new Refusal(400, "entry.tooManyLines", MAX_LINES);
        }
        lines.add(new LineRequest(item, BigDecimal.ONE));
        return editor(texts, form, gateway.replaceOrderLines(source, draft.number(), lines), null, null, null);
    }

    /** Finds items by number or name for the draft. */
    private Content items(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        Order draft = draft(request, customer);
        String text = Optional.ofNullable(request.getParameter("text")).orElse("").strip();
        if (text.length() > 64) {
            throw new Refusal(400, "entry.searchTooLong");
        }
        return editor(texts, form, draft, text, gateway.searchItems(source, text, 20), null);
    }

    private Content editor(Texts texts, CrmUser user, String record, String returnTo, Order order, String searched, List<Item> found,
                           String notAdded) {
        return editor(texts, new OrderForm(record, returnTo, csrf.tokenFor(user.id())), order, searched, found, notAdded);
    }

    private static Content editor(Texts texts, OrderForm form, Order order, String searched, List<Item> found, String notAdded) {
        return Views.content("orders/editor.jte", new Editor(texts, form, order, searched, found, notAdded));
    }

    private Content confirm(HttpServletRequest request, Texts texts, OrderForm form, String customer) throws Refusal {
        String number = required(request, "order");
        // the order must be one of this record's customer: the form's hidden field is the user's to change
        ownOrder(number, customer);
        boolean accept = "true".equals(request.getParameter("acceptCreditWarning"));
        return Views.content("orders/confirmation.jte", new Confirmation(texts, form, number, gateway.confirmOrder(source, number, accept)));
    }

    /** A quote as JSON for the page's script: amounts written as the page writes them, in the user's language. */
    private static String quoteJson(Texts texts, PriceQuote quote) {
        StringBuilder json = new StringBuilder("{\"currency\":").append(org.erpinsight.crm.web.view.Json.string(quote.currency()))
                .append(",\"total\":").append(org.erpinsight.crm.web.view.Json.string(texts.amount(quote.total(), quote.currency())))
                .append(",\"lines\":[");
        for (int i = 0; i < quote.lines().size(); i++) {
            OrderLine l = quote.lines().get(i);
            json.append(i == 0 ? "" : ",").append("{\"itemNumber\":").append(org.erpinsight.crm.web.view.Json.string(l.itemNumber()))
                    .append(",\"unitPrice\":").append(org.erpinsight.crm.web.view.Json.string(texts.price(l.unitPrice(), quote.currency())))
                    .append(",\"discount\":").append(org.erpinsight.crm.web.view.Json.string(texts.number(l.discountPercent()) + "%"))
                    .append(",\"lineAmount\":").append(org.erpinsight.crm.web.view.Json.string(texts.amount(l.lineAmount(), quote.currency())))
                    .append(",\"priceRule\":").append(org.erpinsight.crm.web.view.Json.string(l.priceRule())).append("}");
        }
        return json.append("]}").toString();
    }

    /** The page's script asks for JSON with format=json; forms get pages whatever their Accept header says. */
    private static boolean wantsJson(HttpServletRequest request) {
        return "json".equals(request.getParameter("format"));
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        org.erpinsight.crm.web.view.Json.send(response, status, body);
    }

    private static String required(HttpServletRequest request, String name) throws Refusal {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, "entry.required", name);
        }
        return value.strip();
    }

    private static void page(HttpServletResponse response, int status, Texts texts, Content body, String returnTo) throws IOException {
        Page.write(response, status, texts, texts.get("entry.title"), body, returnTo);
    }
}
