package org.erpinsight.crm.api.links;

import java.util.Optional;

/** A change was made on a version of a link that has changed since: read it again ({@link #current()}) and decide anew. */
public class StaleLinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Link current;

    public StaleLinkException(String message, Link current) {
        super(message);
        this.current = current;
    }

    /** The link as it is now; empty when it was removed. */
    public Optional<Link> current() {
        return Optional.ofNullable(current);
    }
}
