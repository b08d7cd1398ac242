package org.erpinsight.sidecar.server.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Serves the checked-in OpenAPI document (the contract is the file, not something derived from
 * code) and the browsable page made from it.
 */
@Path("/")
public class ContractDocuments {
    private final byte[] openApi;
    private final String page;

    public ContractDocuments() {
        try (InputStream in = ContractDocuments.class.getResourceAsStream("/contract/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("contract/openapi.json is missing from the class path");
            }
            openApi = in.readAllBytes();
            page = ApiPage.render(openApi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] openApi() {
        return openApi.clone();
    }

    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String docs() {
        return page;
    }
}
