package org.erpinsight.crm.api.links;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Linking a whole customer base: a background run matches every unlinked CRM record against the
 * ERP's parties; clear matches are linked at once (origin SUGGESTION in the audit log), the rest
 * wait in a review queue to be accepted or rejected. One run at a time; a run survives a restart
 * and goes on where it was.
 *
 * @since 1.3
 */
@ProviderType
public interface LinkSuggestions {

    /**
     * Starts a run for customers or suppliers of a source; links at once what scores at least
     * {@code threshold} (0 to 1) and clearly leads.
     *
     * @throws IllegalStateException if a run is going
     * @throws IllegalArgumentException for projects, or a threshold outside 0.3 to 1
     */
    SuggestionRun start(String source, LinkKind kind, double threshold, String actor);

    /** The run going now, or the last one. */
    Optional<SuggestionRun> run();

    /** Asks the run going now to stop after the record it is at; false if none is going. */
    boolean cancel(String actor);

    /** Waiting suggestions of a source and kind scoring at least {@code minScore}, best first. */
    List<Suggestion> queue(String source, LinkKind kind, double minScore, int offset, int limit);

    /**
     * Links as the suggestion says and takes it off the queue.
     *
     * @throws java.util.NoSuchElementException if no such suggestion waits
     * @throws StaleLinkException if the record was linked meanwhile
     * @throws LinkConflictException if the number was linked to another record meanwhile
     */
    Link accept(long suggestion, String actor);

    /** Takes the suggestion off the queue without linking; false if no such suggestion waits. */
    boolean reject(long suggestion, String actor);

    /** Accepts every waiting suggestion scoring at least {@code minScore}; says how many became links (the others stay). */
    int acceptAbove(String source, LinkKind kind, double minScore, String actor);
}
