package org.erpinsight.sidecar.server.rest;

import java.util.List;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.CustomerOverviews;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyLookup;
import org.erpinsight.sidecar.core.PartyPage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** REST transport of the party and overview use cases; paths and names follow contract/openapi.json. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final PartyLookup parties;
    private final CustomerOverviews overviews;

    /** The search answer: an object rather than a bare array, so that fields can be added later. */
    public record CustomerSearchResult(List<Party> customers) {
    }

    public CustomerResource(PartyLookup parties, CustomerOverviews overviews) {
        this.parties = parties;
        this.overviews = overviews;
    }

    @GET
    @Path("customers")
    public CustomerSearchResult searchCustomers(@QueryParam("name") String name,
                                                    @QueryParam("vatNumber") String vatNumber,
                                                    @QueryParam("emailDomain") String emailDomain,
                                                    @QueryParam("phone") String phone,
                                                    @QueryParam("limit") String limit) {
        return new CustomerSearchResult(parties.searchCustomers(name, vatNumber, emailDomain, phone,
                QueryValues.integer("limit", limit)));
    }

    @GET
    @Path("customers/{customerNumber}")
    public Party getCustomer(@PathParam("customerNumber") String customerNumber) {
        return parties.customer(customerNumber);
    }

    @GET
    @Path("customers/{customerNumber}/overview")
    public CustomerOverview getCustomerOverview(@PathParam("customerNumber") String customerNumber) {
        return overviews.overview(customerNumber);
    }

    @GET
    @Path("parties")
    public PartyPage listParties(@QueryParam("kind") String kind, @QueryParam("offset") String offset,
                                 @QueryParam("limit") String limit) {
        return parties.parties(PartyLookup.kind(kind), QueryValues.integer("offset", offset),
                QueryValues.integer("limit", limit));
    }
}
