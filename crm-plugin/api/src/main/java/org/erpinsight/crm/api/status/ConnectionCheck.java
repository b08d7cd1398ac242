package org.erpinsight.crm.api.status;

import java.util.List;

/**
 * The outcome of a connection test, step by step, in words an admin can act on.
 *
 * @param source the sidecar's source name
 * @param steps what was checked, in order; a step that fails ends the test where later steps need it
 */
public record ConnectionCheck(String source, List<Step> steps) {

    public ConnectionCheck {
        steps = List.copyOf(steps);
    }

    /** OK when no step failed (warnings allowed). */
    public boolean ok() {
        return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAILED);
    }

    public enum Outcome {
        OK, WARNING, FAILED
    }

    /**
     * @param name what was checked: "Address", "ERP", "API key", "Scopes", "Transport"
     * @param outcome how it went
     * @param message what was seen, and for anything but OK what to do
     */
    public record Step(String name, Outcome outcome, String message) {
    }
}
