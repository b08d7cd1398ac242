package org.erpinsight.sidecar.server.rest;

import java.util.List;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PartyLookup;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.SupplierOverview;
import org.erpinsight.sidecar.core.UseCases;
import org.erpinsight.sidecar.server.security.ApiKeys;
import org.erpinsight.sidecar.server.security.RequestGate;
import org.erpinsight.sidecar.server.security.RequiresScope;
import org.erpinsight.sidecar.server.security.Scope;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** REST transport of the party use cases: customers and suppliers, their overviews, paging, creation. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PartyResource {
    private final UseCases uses;

    public PartyResource(UseCases uses) {
        this.uses = uses;
    }

    /** The search answer: an object rather than a bare array, so that fields can be added later. */
    public record CustomerSearchResult(List<Party> customers) {
    }

    /** What the CRM sends to create a party: a name, and optionally a number and VAT number. */
    public record PartyCreationBody(String name, String number, String vatNumber) {
    }

    /**
     * The answer of ping, with the calling key's name and scopes: a CRM admin's "Test connection"
     * tells from it what the configured key may do.
     */
    public record Pong(String status, String key, List<String> scopes) {
    }

    @GET
    @Path("ping")
    public Pong ping(@jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest http) {
        ApiKeys.ApiKey key = (ApiKeys.ApiKey) http.getAttribute(RequestGate.API_KEY);
        return new Pong("ok", key.name(), key.scopes().stream().sorted()
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    public record SupplierSearchResult(List<Party> suppliers) {
    }

    @GET
    @Path("suppliers")
    public SupplierSearchResult searchSuppliers(@QueryParam("name") String name, @QueryParam("vatNumber") String vatNumber,
                                                @QueryParam("emailDomain") String emailDomain, @QueryParam("phone") String phone,
                                                @QueryParam("limit") String limit) {
        return new SupplierSearchResult(uses.parties().searchSuppliers(name, vatNumber, emailDomain, phone,
                QueryValues.integer("limit", limit)));
    }

    @GET
    @Path("customers")
    public CustomerSearchResult searchCustomers(@QueryParam("name") String name, @QueryParam("vatNumber") String vatNumber,
                                                @QueryParam("emailDomain") String emailDomain, @QueryParam("phone") String phone,
                                                @QueryParam("limit") String limit) {
        return new CustomerSearchResult(uses.parties().searchCustomers(name, vatNumber, emailDomain, phone,
                QueryValues.integer("limit", limit)));
    }

    @POST
    @Path("customers")
    @RequiresScope(Scope.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCustomer(@HeaderParam("Idempotency-Key") String key, PartyCreationBody body) {
        return created(key, PartyKind.CUSTOMER, body);
    }

    @POST
    @Path("suppliers")
    @RequiresScope(Scope.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSupplier(@HeaderParam("Idempotency-Key") String key, PartyCreationBody body) {
        return created(key, PartyKind.SUPPLIER, body);
    }

    private Response created(String key, PartyKind kind, PartyCreationBody body) {
        PartyCreationBody b = Bodies.required(body);
        return Response.status(Response.Status.CREATED)
                .entity(uses.partyCreation().create(key, kind, b.name(), b.number(), b.vatNumber())).build();
    }

    @GET
    @Path("customers/{customerNumber}")
    public Party getCustomer(@PathParam("customerNumber") String customerNumber) {
        return uses.parties().customer(customerNumber);
    }

    @GET
    @Path("customers/{customerNumber}/overview")
    public CustomerOverview getCustomerOverview(@PathParam("customerNumber") String customerNumber) {
        return uses.overviews().customer(customerNumber);
    }

    @GET
    @Path("suppliers/{supplierNumber}")
    public Party getSupplier(@PathParam("supplierNumber") String supplierNumber) {
        return uses.parties().supplier(supplierNumber);
    }

    @GET
    @Path("suppliers/{supplierNumber}/overview")
    public SupplierOverview getSupplierOverview(@PathParam("supplierNumber") String supplierNumber) {
        return uses.overviews().supplier(supplierNumber);
    }

    @GET
    @Path("parties")
    public PartyPage listParties(@QueryParam("kind") String kind, @QueryParam("offset") String offset,
                                 @QueryParam("limit") String limit) {
        return uses.parties().parties(PartyLookup.kind(kind), QueryValues.integer("offset", offset),
                QueryValues.integer("limit", limit));
    }
}
