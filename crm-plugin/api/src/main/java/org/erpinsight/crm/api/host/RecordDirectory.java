package org.erpinsight.crm.api.host;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** The host's records, as ERP Insight reads them. The host registers one as a service. */
@ConsumerType
public interface RecordDirectory {

    Optional<CrmRecord> record(RecordRef ref);

    /** Records of a type whose name contains the text, at most {@code limit}. */
    List<CrmRecord> search(RecordType type, String text, int limit);

    /** All records of a type in a stable order, one page at a time (for bulk link suggestions). */
    List<CrmRecord> page(RecordType type, int offset, int limit);
}
