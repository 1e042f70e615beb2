package dev.retlsetup.demo;

/**
 * A request the demo refuses before any endpoint acts on it: a body over the endpoint's limit (413),
 * a malformed body (400), or no room for one more body right now (503). The router renders it in the
 * error style of the endpoint that was called.
 */
final class RequestRejected extends Exception {
    private final int status;
    private final String errorCode;

    private RequestRejected(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    static RequestRejected tooLarge(long limit) {
        return new RequestRejected(413, "BAD_REQUEST",
                "Request body exceeds the limit of " + limit + " bytes for this endpoint.");
    }

    static RequestRejected malformed(String message) {
        return new RequestRejected(400, "MALFORMED_REQUEST", message);
    }

    static RequestRejected busy() {
        return new RequestRejected(503, "TEMPORARILY_UNAVAILABLE",
                "The demo workspace is receiving too many requests at once. Please retry.");
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
