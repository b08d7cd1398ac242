package org.erpinsight.crm.web.orders;

import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.ReturnPath;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.Amounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderLine;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Order entry from a CRM record, in three steps that each show the ERP's answer: price the lines
 * (quote), create the draft order in the ERP (with an idempotency key made for this form, so a
 * double click or a retry never makes a second order), confirm it (accepting a credit warning
 * explicitly if the ERP gives one). The order lives in the ERP; nothing is stored here.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(OrderEntryServlet.PATH)
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

    /** A refusal shown to the user with its HTTP status. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = ReturnPath.safe(request.getParameter("returnTo"));
        try {
            CrmUser user = users.currentUser(request).orElseThrow(() -> new Refusal(401, "Sign in first"));
            if (!csrf.valid(user.id(), request.getParameter(CsrfTokens.FIELD))) {
                throw new Refusal(403, "The form has expired; reload the page and try again");
            }
            if (!user.may(Permission.ENTER_ORDERS)) {
                throw new Refusal(403, "You do not have permission to enter orders");
            }
            String record = required(request, "record");
            String customer = customerOf(record);
            String action = required(request, "action");
            String body = switch (action) {
                case "quote" -> quote(request, user, record, customer, returnTo);
                case "create" -> create(request, user, record, customer, returnTo);
                case "confirm" -> confirm(request, user, record, customer, returnTo);
                default -> throw new Refusal(400, "action must be quote, create or confirm");
            };
            page(response, 200, body, returnTo);
        } catch (Refusal r) {
            page(response, r.status, "<p class=\"erp-error\" data-error=\"" + r.status + "\">" + Html.escape(r.getMessage()) + "</p>",
                    returnTo);
        } catch (ErpGatewayException e) {
            int status = switch (e.code()) {
                case NOT_FOUND, INVALID_REQUEST -> 422;
                case UNAUTHENTICATED -> 502;
                default -> 503;
            };
            String message = e.code() == ErpErrorCode.SIDECAR_UNREACHABLE || e.code() == ErpErrorCode.ERP_UNAVAILABLE
                    ? "ERP unreachable: " + e.getMessage() : "The ERP refused it: " + e.getMessage();
            page(response, status, "<p class=\"erp-error\" data-error=\"" + status + "\">" + Html.escape(message) + "</p>", returnTo);
        }
    }

    private String customerOf(String record) throws Refusal {
        RecordRef ref;
        try {
            ref = RecordRef.parse(record);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "record must be TYPE/ID");
        }
        Optional<Link> link = links.linkOf(ref, source, LinkKind.CUSTOMER);
        return link.orElseThrow(() -> new Refusal(409, "Link the record to an ERP customer first")).erpNumber();
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
                try {
                    lines.add(new LineRequest(item, new BigDecimal(quantity)));
                } catch (NumberFormatException e) {
                    throw new Refusal(400, "Line " + (i + 1) + ": '" + quantity + "' is not a quantity");
                }
            }
        }
        if (lines.isEmpty()) {
            throw new Refusal(400, "Give at least one line: an item number and a quantity");
        }
        return lines;
    }

    private String quote(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo)
            throws Refusal {
        List<LineRequest> lines = lines(request);
        PriceQuote quote = gateway.quote(source, customer, lines);
        String reference = Optional.ofNullable(request.getParameter("reference")).orElse("");
        StringBuilder html = new StringBuilder("<h1>ERP prices for customer ").append(Html.escape(customer)).append("</h1>");
        table(html, quote.lines(), quote.currency());
        html.append("<p data-quote-total=\"").append(quote.total().toPlainString()).append("\">Total ")
                .append(Html.escape(Amounts.format(quote.total(), quote.currency()))).append(" (prices of ").append(quote.date())
                .append(")</p>");
        html.append(form(user, record, returnTo, "create"))
                // made once for this form: the same order whatever happens to the request
                .append("<input type=\"hidden\" name=\"key\" value=\"crm-").append(UUID.randomUUID()).append("\">")
                .append("<input type=\"hidden\" name=\"reference\" value=\"").append(Html.escape(reference)).append("\">");
        for (LineRequest line : lines) {
            html.append("<input type=\"hidden\" name=\"item\" value=\"").append(Html.escape(line.itemNumber())).append("\">")
                    .append("<input type=\"hidden\" name=\"quantity\" value=\"").append(Html.escape(line.quantity().toPlainString()))
                    .append("\">");
        }
        return html.append("<button type=\"submit\">Create the draft order in the ERP</button></form>").toString();
    }

    private String create(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo)
            throws Refusal {
        String key = required(request, "key");
        String reference = request.getParameter("reference");
        Order order = gateway.createOrder(source, key, customer, reference == null || reference.isBlank() ? null : reference.strip(),
                lines(request));
        StringBuilder html = new StringBuilder("<h1 data-order-number=\"").append(Html.escape(order.number())).append("\">Draft order ")
                .append(Html.escape(order.number())).append(" in the ERP</h1>");
        table(html, order.lines(), order.currency());
        html.append("<p>Total ").append(Html.escape(Amounts.format(order.total(), order.currency()))).append("</p>")
                .append(form(user, record, returnTo, "confirm"))
                .append("<input type=\"hidden\" name=\"order\" value=\"").append(Html.escape(order.number())).append("\">")
                .append("<button type=\"submit\">Confirm the order</button></form>");
        return html.toString();
    }

    private String confirm(HttpServletRequest request, CrmUser user, String record, String customer, String returnTo) throws Refusal {
        String number = required(request, "order");
        // the order must be one of this record's customer: the form's hidden field is the user's to change
        Order order = gateway.order(source, number).filter(o -> customer.equals(o.customerNumber()))
                .orElseThrow(() -> new Refusal(404, "No order " + number + " of this record's ERP customer"));
        boolean accept = "true".equals(request.getParameter("acceptCreditWarning"));
        OrderConfirmation result = gateway.confirmOrder(source, number, accept);
        StringBuilder html = new StringBuilder();
        if (result.confirmed()) {
            html.append("<h1 data-confirmed=\"true\">Order ").append(Html.escape(number)).append(" is confirmed in the ERP</h1>");
            return html.toString();
        }
        var warning = result.creditWarning();
        html.append("<h1 data-confirmed=\"false\">Order ").append(Html.escape(number)).append(" is not confirmed yet</h1>")
                .append("<div class=\"erp-banner erp-banner-warning\" role=\"alert\" data-exceeded-by=\"")
                .append(warning == null ? "" : warning.exceededBy().toPlainString()).append("\">")
                .append(Html.escape(warning == null ? "The ERP did not confirm the order." : warning.message())).append("</div>");
        if (warning != null) {
            html.append(form(user, record, returnTo, "confirm"))
                    .append("<input type=\"hidden\" name=\"order\" value=\"").append(Html.escape(number)).append("\">")
                    .append("<input type=\"hidden\" name=\"acceptCreditWarning\" value=\"true\">")
                    .append("<button type=\"submit\">Confirm anyway: the customer goes over its credit limit</button></form>");
        }
        return html.toString();
    }

    private String form(CrmUser user, String record, String returnTo, String action) {
        return "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"action\" value=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"record\" value=\"" + Html.escape(record) + "\">"
                + "<input type=\"hidden\" name=\"returnTo\" value=\"" + Html.escape(returnTo) + "\">"
                + "<input type=\"hidden\" name=\"" + CsrfTokens.FIELD + "\" value=\"" + Html.escape(csrf.tokenFor(user.id())) + "\">";
    }

    static void table(StringBuilder html, List<OrderLine> lines, String currency) {
        html.append("<table class=\"erp-lines\"><thead><tr><th>Item</th><th>Description</th><th>Quantity</th><th>Unit price</th>")
                .append("<th>Discount</th><th>Amount</th><th>Price rule</th></tr></thead><tbody>");
        for (OrderLine l : lines) {
            html.append("<tr data-line=\"").append(l.lineNumber()).append("\" data-unit-price=\"").append(l.unitPrice().toPlainString())
                    .append("\" data-amount=\"").append(l.lineAmount().toPlainString()).append("\"><td>").append(Html.escape(l.itemNumber()))
                    .append("</td><td>").append(Html.escape(l.description())).append("</td><td>")
                    .append(Html.escape(l.quantity().toPlainString())).append("</td><td>")
                    .append(Html.escape(Amounts.format(l.unitPrice(), currency))).append("</td><td>")
                    .append(Html.escape(l.discountPercent().toPlainString())).append("%</td><td>")
                    .append(Html.escape(Amounts.format(l.lineAmount(), currency))).append("</td><td>").append(Html.escape(l.priceRule()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static String required(HttpServletRequest request, String name) throws Refusal {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(400, name + " is required");
        }
        return value.strip();
    }

    private static void page(HttpServletResponse response, int status, String body, String returnTo) throws IOException {
        Page.write(response, status, "Order entry", body, returnTo);
    }
}
