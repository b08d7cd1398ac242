package org.erpinsight.sidecar.server.rest;

import java.util.List;

import org.erpinsight.sidecar.core.UseCases;

/** Every JAX-RS resource of /api/v1, in one list for the server and the contract test. */
public final class RestResources {
    private RestResources() {
    }

    public static List<Class<?>> operationClasses() {
        return List.of(PartyResource.class, LedgerResource.class, OrderResource.class);
    }

    public static List<Object> all(UseCases uses) {
        return List.of(new PartyResource(uses), new LedgerResource(uses), new OrderResource(uses), new ContractDocuments());
    }
}
