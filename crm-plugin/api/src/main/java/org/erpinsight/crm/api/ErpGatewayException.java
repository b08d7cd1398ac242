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

    /** The exception for a failure the sidecar reported in the contract's terms; the message names the source. */
    public static ErpGatewayException fromContract(String contractCode, int httpStatus, String detail, String source) {
        ErpErrorCode code = ErpErrorCode.fromContract(contractCode, httpStatus);
        String message = switch (code) {
            case UNAUTHENTICATED -> "Sidecar '" + source + "' refused the API key: " + detail;
            case ERP_UNAVAILABLE -> "The ERP behind sidecar '" + source + "' is unavailable: " + detail;
            default -> detail;
        };
        return new ErpGatewayException(code, message);
    }

    public ErpErrorCode code() {
        return code;
    }
}
