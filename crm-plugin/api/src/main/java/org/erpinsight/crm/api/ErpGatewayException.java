package org.erpinsight.crm.api;

/** A failed gateway call, with a code to act on and a message fit to show an admin. */
public class ErpGatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErpErrorCode code;

    public ErpGatewayException(ErpErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErpGatewayException(ErpErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErpErrorCode code() {
        return code;
    }
}
