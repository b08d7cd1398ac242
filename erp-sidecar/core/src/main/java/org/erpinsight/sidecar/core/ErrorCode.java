package org.erpinsight.sidecar.core;

/**
 * The stable error codes of the contract. REST puts them in problem+json's {@code code},
 * SOAP in the fault's {@code code}; clients switch on them, so never rename one.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    CUSTOMER_NOT_FOUND(404, "Customer not found"),
    SUPPLIER_NOT_FOUND(404, "Supplier not found"),
    PROJECT_NOT_FOUND(404, "Project not found"),
    INVOICE_NOT_FOUND(404, "Invoice not found"),
    ORDER_NOT_FOUND(404, "Order not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    DUPLICATE_NUMBER(409, "Number already in use"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key reused"),
    ORDER_NOT_DRAFT(409, "Order is not a draft"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    ITEM_NOT_FOUND(422, "Item not found"),
    RATE_LIMITED(429, "Too many requests"),
    ERP_UNAVAILABLE(503, "ERP unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
