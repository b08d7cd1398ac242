package org.erpinsight.crm.api;

/** A failed gateway call, with a code to act on and a message fit to show an admin. */
public class ErpGatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErpErrorCode code;
    private final java.time.Duration retryAfter;

    public ErpGatewayException(ErpErrorCode code, String message) {
        this(code, message, (java.time.Duration) null);
    }

    public ErpGatewayException(ErpErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfter = null;
    }

    /** A failure after which the sidecar said when to ask again ({@code retryAfter}, null when it did not say). */
    public ErpGatewayException(ErpErrorCode code, String message, java.time.Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The exception for a failure the sidecar reported in the contract's terms; the message names the source. */
    public static ErpGatewayException fromContract(String contractCode, int httpStatus, String detail, String source) {
        ErpErrorCode code = ErpErrorCode.fromContract(contractCode, httpStatus);
        String message = switch (code) {
            case UNAUTHENTICATED -> "Sidecar '" + source + "' refused the API key: " + detail;
            case ERP_UNAVAILABLE -> "The ERP behind sidecar '" + source + "' is unavailable: " + detail;
            case SIDECAR_BUSY -> "Sidecar '" + source + "' is busy: " + detail;
            default -> detail;
        };
        return new ErpGatewayException(code, message);
    }

    public ErpErrorCode code() {
        return code;
    }

    /** How long the sidecar asked us to wait before the next call (HTTP Retry-After), if it said; else null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the ERP's figures could not be had for now, for a reason that says nothing about the record: down or busy. */
    public boolean isOutage() {
        return switch (code) {
            case SIDECAR_UNREACHABLE, SIDECAR_ERROR, ERP_UNAVAILABLE, SIDECAR_BUSY -> true;
            default -> false;
        };
    }
}
