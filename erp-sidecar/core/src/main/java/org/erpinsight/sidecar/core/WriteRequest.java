package org.erpinsight.sidecar.core;

/**
 * What identifies a write for idempotency: the caller's key and a fingerprint of the request.
 * The same key with the same fingerprint is a retry; with another fingerprint it is a mistake.
 */
public record WriteRequest(String idempotencyKey, String fingerprint) {
}
