package org.erpinsight.sidecar.core;

import java.util.regex.Pattern;

/** Checks on caller input, shared by every use case so that REST and SOAP reject the same things. */
final class Inputs {
    private static final Pattern PARTY_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,31}");
    static final int MAX_TEXT = 200;

    private Inputs() {
    }

    static String partyNumber(String number) {
        if (number == null || number.isBlank()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "A party number is required");
        }
        if (!PARTY_NUMBER.matcher(number).matches()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST,
                    "'" + shorten(number) + "' is not a party number: use 1-32 letters, digits, '.', '_' or '-'");
        }
        return number;
    }

    /** Trims an optional text criterion; blank becomes null. */
    static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    static int limit(Integer limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + max);
        }
        return limit;
    }

    static int offset(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "offset must not be negative");
        }
        return offset;
    }

    static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
