package org.erpinsight.crm.web.view;

/** Where a form may send the user back to after it posted. */
public final class ReturnPath {
    private ReturnPath() {
    }

    /** Only paths on this host: an open redirect would let a link on another site bounce users anywhere. */
    public static String safe(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return returnTo;
    }
}
