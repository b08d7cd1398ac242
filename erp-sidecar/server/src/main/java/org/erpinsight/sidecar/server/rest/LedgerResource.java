package org.erpinsight.sidecar.server.rest;

import org.erpinsight.sidecar.core.InvoicePage;
import org.erpinsight.sidecar.core.Invoices;
import org.erpinsight.sidecar.core.ProjectOverview;
import org.erpinsight.sidecar.core.ProjectSummary;
import org.erpinsight.sidecar.core.UseCases;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** REST transport of invoices (list and PDF document) and projects. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
    private final UseCases uses;

    public LedgerResource(UseCases uses) {
        this.uses = uses;
    }

    /** A customer's projects, as an object so that fields can be added later. */
    public record ProjectList(java.util.List<ProjectSummary> projects) {
    }

    @GET
    @Path("customers/{customerNumber}/invoices")
    public InvoicePage listInvoices(@PathParam("customerNumber") String customerNumber, @QueryParam("status") String status,
                                    @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return uses.invoices().list(customerNumber, Invoices.filter(status), QueryValues.integer("offset", offset),
                QueryValues.integer("limit", limit));
    }

    @GET
    @Path("invoices/{invoiceNumber}/document")
    @Produces("application/pdf")
    public Response getInvoiceDocument(@PathParam("invoiceNumber") String invoiceNumber) {
        byte[] pdf = uses.invoices().document(invoiceNumber);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + invoiceNumber + ".pdf\"").build();
    }

    @GET
    @Path("customers/{customerNumber}/projects")
    public ProjectList listProjects(@PathParam("customerNumber") String customerNumber) {
        return new ProjectList(uses.projects().list(customerNumber));
    }

    @GET
    @Path("projects")
    public ProjectList searchProjects(@QueryParam("text") String text, @QueryParam("limit") String limit) {
        return new ProjectList(uses.projects().search(text, QueryValues.integer("limit", limit)));
    }

    @GET
    @Path("projects/{projectNumber}/overview")
    public ProjectOverview getProjectOverview(@PathParam("projectNumber") String projectNumber) {
        return uses.projects().overview(projectNumber);
    }
}
