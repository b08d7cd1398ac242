package org.erpinsight.sidecar.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** A party, project, item or order number as the contract allows it; a malformed one is refused as an invalid request naming {@code what}. */
    static String number(String number, String what) {
        if (number == null || number.isBlank() || !PARTY_NUMBER.matcher(number).matches()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "'" + shorten(number == null ? "" : number) + "' is not "
                    + what + ": use 1-32 letters, digits, '.', '_' or '-'");
        }
        return number;
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

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,100}");
    static final int MAX_LINES = 200;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

    static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "Every write needs an idempotency key (8-100 letters, digits, '.', '_', ':', '-')");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "The idempotency key must be 8-100 letters, digits, '.', '_', ':' or '-'");
        }
        return key;
    }

    /** Checks order or quote lines; quantities lose trailing zeros so that 2 and 2.000 price alike. */
    static List<LineRequest> lines(List<LineRequest> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "Give at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "At most " + MAX_LINES + " lines");
        }
        List<LineRequest> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            String where = "line " + (i + 1) + ": ";
            if (line == null || line.itemNumber() == null || !PARTY_NUMBER.matcher(line.itemNumber()).matches()) {
                throw new ErpException(ErrorCode.INVALID_REQUEST, where + "itemNumber must be 1-32 letters, digits, '.', '_' or '-'");
            }
            BigDecimal quantity = line.quantity();
            if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
                throw new ErpException(ErrorCode.INVALID_REQUEST, where + "quantity must be more than 0 and at most 1000000");
            }
            if (quantity.stripTrailingZeros().scale() > 3) {
                throw new ErpException(ErrorCode.INVALID_REQUEST, where + "quantity may have at most three decimals");
            }
            BigDecimal plain = quantity.stripTrailingZeros();
            checked.add(new LineRequest(line.itemNumber(), plain.scale() < 0 ? plain.setScale(0) : plain));
        }
        return List.copyOf(checked);
    }

    static LocalDate date(LocalDate date, LocalDate today) {
        if (date == null) {
            return today;
        }
        if (date.isBefore(today.minusYears(5)) || date.isAfter(today.plusYears(5))) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "date must be within five years of today");
        }
        return date;
    }

    static String requiredText(String field, String value, int maxLength) {
        String text = optionalText(field, value, maxLength);
        if (text == null) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, field + " is required");
        }
        return text;
    }

    static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
