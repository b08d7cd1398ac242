package org.erpinsight.sidecar.core;

import java.util.List;
import java.util.Optional;

/**
 * The port every ERP adapter implements. The core validates input before calling it, so an
 * adapter sees well-formed numbers and limits. An adapter that cannot reach its ERP throws
 * {@link ErpException} with {@link ErrorCode#ERP_UNAVAILABLE}.
 */
public interface ErpAdapter extends AutoCloseable {

    /** A short name for logs and /health, e.g. "reference" or "tryton". */
    String name();

    Optional<Party> customer(String number);

    /** Customers matching any of the query's criteria, best match first, at most {@code query.limit()}. */
    List<Party> searchCustomers(CustomerQuery query);

    Optional<CustomerOverview> customerOverview(String number);

    PartyPage parties(PartyKind kind, int offset, int limit);

    /** Whether the ERP answers right now; must return within a second or two. */
    boolean reachable();

    @Override
    void close();
}
