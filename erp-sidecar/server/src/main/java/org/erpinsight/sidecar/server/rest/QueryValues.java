package org.erpinsight.sidecar.server.rest;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;

/** Query parameters arrive as text so that a malformed number is a 400 with a message, not JAX-RS's bare 404. */
final class QueryValues {
    private QueryValues() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, name + " must be a whole number");
        }
    }
}
