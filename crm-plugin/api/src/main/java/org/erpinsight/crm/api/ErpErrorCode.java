package org.erpinsight.crm.api;

/**
 * Why a gateway call failed. The first group mirrors the sidecar contract's codes; the rest
 * are failures on the way to the sidecar.
 */
public enum ErpErrorCode {
    /** The sidecar has no such customer or party. */
    NOT_FOUND,
    /** The sidecar refused the request as malformed. */
    INVALID_REQUEST,
    /** The sidecar refused the API key. */
    UNAUTHENTICATED,
    /** The sidecar could not reach its ERP. */
    ERP_UNAVAILABLE,
    /** The sidecar failed unexpectedly. */
    SIDECAR_ERROR,
    /** The sidecar could not be reached, or did not answer in time. */
    SIDECAR_UNREACHABLE,
    /**
     * The sidecar is up but refused the call for now: its rate limit for this CRM's key was reached,
     * or this CRM already has as many calls in flight to it as it may. Busy is not down: it never
     * pauses the sidecar, and a retry after {@link ErpGatewayException#retryAfter()} may work.
     */
    SIDECAR_BUSY,
    /** No sidecar is configured under the requested source name. */
    UNKNOWN_SOURCE,
    /** The configured transport (e.g. SOAP) is not installed. */
    TRANSPORT_MISSING;

    /**
     * The gateway code for a failure the sidecar reported with a contract code (problem+json
     * {@code code} or the SOAP fault's {@code code}); the HTTP status decides when the code is
     * missing or unknown.
     */
    public static ErpErrorCode fromContract(String contractCode, int httpStatus) {
        if (contractCode != null) {
            switch (contractCode) {
                case "CUSTOMER_NOT_FOUND", "SUPPLIER_NOT_FOUND", "PROJECT_NOT_FOUND", "INVOICE_NOT_FOUND", "ORDER_NOT_FOUND",
                     "ITEM_NOT_FOUND", "NOT_FOUND":
                    return NOT_FOUND;
                case "INVALID_REQUEST", "DUPLICATE_NUMBER", "IDEMPOTENCY_KEY_REUSED", "ORDER_NOT_DRAFT", "PAYLOAD_TOO_LARGE",
                     "UNSUPPORTED_MEDIA_TYPE":
                    return INVALID_REQUEST;
                case "RATE_LIMITED":
                    return SIDECAR_BUSY;
                case "UNAUTHENTICATED", "FORBIDDEN":
                    return UNAUTHENTICATED;
                case "ERP_UNAVAILABLE":
                    return ERP_UNAVAILABLE;
                default:
                    break;
            }
        }
        return switch (httpStatus) {
            case 401, 403 -> UNAUTHENTICATED;
            case 404 -> NOT_FOUND;
            case 400, 409, 413, 415, 422 -> INVALID_REQUEST;
            case 429 -> SIDECAR_BUSY;
            case 503 -> ERP_UNAVAILABLE;
            default -> SIDECAR_ERROR;
        };
    }
}
