package org.erpinsight.crm.web.view;

import java.time.Duration;
import java.time.Instant;

/** What the templates compute rather than write: the age of last known figures. */
public final class Age {
    private Age() {
    }

    /** How long ago, for last known figures: "40 s", "12 min", "3 h 5 min". */
    public static String of(Instant readAt) {
        Duration age = Duration.between(readAt, Instant.now());
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        return age.toHours() + " h " + age.toMinutesPart() + " min";
    }
}
