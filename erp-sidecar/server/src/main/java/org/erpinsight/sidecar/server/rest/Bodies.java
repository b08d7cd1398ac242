package org.erpinsight.sidecar.server.rest;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;

/** Request bodies: a missing one is a client error with a message, not a NullPointerException. */
final class Bodies {
    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "This operation needs a JSON body");
        }
        return body;
    }
}
