package org.erpinsight.sidecar.core;

import java.time.Clock;

/** Every use case of the contract over one ERP adapter: what the transports call. */
public record UseCases(PartyLookup parties, Overviews overviews, Invoices invoices, Projects projects, Pricing pricing,
                       Orders orders, PartyCreation partyCreation) {

    public static UseCases over(ErpAdapter erp, Clock clock) {
        return new UseCases(new PartyLookup(erp), new Overviews(erp), new Invoices(erp), new Projects(erp),
                new Pricing(erp, clock), new Orders(erp), new PartyCreation(erp));
    }
}
