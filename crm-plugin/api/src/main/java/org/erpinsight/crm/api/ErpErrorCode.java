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
                case "CUSTOMER_NOT_FOUND", "NOT_FOUND":
                    return NOT_FOUND;
                case "INVALID_REQUEST":
                    return INVALID_REQUEST;
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
            case 400 -> INVALID_REQUEST;
            case 503 -> ERP_UNAVAILABLE;
            default -> SIDECAR_ERROR;
        };
    }
}
