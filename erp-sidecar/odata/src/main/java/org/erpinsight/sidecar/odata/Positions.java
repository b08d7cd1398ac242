package org.erpinsight.sidecar.odata;

/** Reads the positions that $skiptoken carries back; a token that is not ours is the client's error. */
final class Positions {
    private Positions() {
    }

    static int whole(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQuery("$skiptoken '" + text + "' is not one this feed gave");
        }
    }

    static int[] pair(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new BadQuery("$skiptoken '" + text + "' is not one this feed gave");
        }
        return new int[] {whole(text.substring(0, dot)), whole(text.substring(dot + 1))};
    }

    /** A query the feed refuses, with a 400 and this message. */
    static final class BadQuery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message, null, false, false);
        }
    }
}
