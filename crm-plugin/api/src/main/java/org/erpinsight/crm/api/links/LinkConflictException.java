package org.erpinsight.crm.api.links;

/** A link would break the one-to-one rule; {@link #existing()} is the link in the way. */
public class LinkConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Link existing;

    public LinkConflictException(String message, Link existing) {
        super(message);
        this.existing = existing;
    }

    public Link existing() {
        return existing;
    }
}
