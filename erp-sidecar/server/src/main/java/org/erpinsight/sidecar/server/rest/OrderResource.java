package org.erpinsight.sidecar.server.rest;

import java.time.LocalDate;
import java.util.List;

import org.erpinsight.sidecar.core.Item;
import org.erpinsight.sidecar.core.LineRequest;
import org.erpinsight.sidecar.core.Order;
import org.erpinsight.sidecar.core.OrderConfirmation;
import org.erpinsight.sidecar.core.OrderPage;
import org.erpinsight.sidecar.core.PriceQuote;
import org.erpinsight.sidecar.core.UseCases;
import org.erpinsight.sidecar.server.security.RequiresScope;
import org.erpinsight.sidecar.server.security.Scope;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** REST transport of items, ERP price quotes and order entry. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final UseCases uses;

    public OrderResource(UseCases uses) {
        this.uses = uses;
    }

    public record ItemList(List<Item> items) {
    }

    public record PriceQuoteBody(String customerNumber, LocalDate date, List<LineRequest> lines) {
    }

    public record OrderBody(String customerNumber, String reference, List<LineRequest> lines) {
    }

    public record OrderLinesBody(List<LineRequest> lines) {
    }

    public record ConfirmationBody(Boolean acceptCreditWarning) {
    }

    @GET
    @Path("items")
    public ItemList searchItems(@QueryParam("text") String text, @QueryParam("limit") String limit) {
        return new ItemList(uses.pricing().searchItems(text, QueryValues.integer("limit", limit)));
    }

    @POST
    @Path("price-quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    public PriceQuote quotePrices(PriceQuoteBody body) {
        PriceQuoteBody b = Bodies.required(body);
        return uses.pricing().quote(b.customerNumber(), b.date(), b.lines());
    }

    @GET
    @Path("customers/{customerNumber}/orders")
    public OrderPage listOrders(@PathParam("customerNumber") String customerNumber, @QueryParam("offset") String offset,
                                @QueryParam("limit") String limit) {
        return uses.orders().list(customerNumber, QueryValues.integer("offset", offset), QueryValues.integer("limit", limit));
    }

    @POST
    @Path("orders")
    @RequiresScope(Scope.ORDERS)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrder(@HeaderParam("Idempotency-Key") String key, OrderBody body) {
        OrderBody b = Bodies.required(body);
        return Response.status(Response.Status.CREATED)
                .entity(uses.orders().create(key, b.customerNumber(), b.reference(), b.lines())).build();
    }

    @GET
    @Path("orders/{orderNumber}")
    public Order getOrder(@PathParam("orderNumber") String orderNumber) {
        return uses.orders().get(orderNumber);
    }

    @PUT
    @Path("orders/{orderNumber}/lines")
    @RequiresScope(Scope.ORDERS)
    @Consumes(MediaType.APPLICATION_JSON)
    public Order replaceOrderLines(@PathParam("orderNumber") String orderNumber, OrderLinesBody body) {
        return uses.orders().replaceLines(orderNumber, Bodies.required(body).lines());
    }

    @POST
    @Path("orders/{orderNumber}/confirm")
    @RequiresScope(Scope.ORDERS)
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderConfirmation confirmOrder(@PathParam("orderNumber") String orderNumber, ConfirmationBody body) {
        // the body is required by the contract: an empty POST must not confirm an order
        return uses.orders().confirm(orderNumber, Bodies.required(body).acceptCreditWarning());
    }
}
