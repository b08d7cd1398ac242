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
    TRANSPORT_MISSING
}
