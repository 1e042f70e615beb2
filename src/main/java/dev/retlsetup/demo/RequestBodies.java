package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads request bodies into memory within two bounds: the called endpoint's limit (413 above it) and
 * one budget shared by every request in flight (503 with Retry-After while it is spent). A declared
 * Content-Length over the limit is refused before a byte of the body is read; a chunked body is
 * refused as soon as it passes the limit.
 */
final class RequestBodies {
    private static final int STEP = 16 * 1024;
    private static final long BUDGET_WAIT_MILLIS = 2000;

    private final Semaphore budget;

    RequestBodies(int budgetBytes) {
        this.budget = new Semaphore(budgetBytes);
    }

    /** A body held in memory; closing it returns its bytes to the budget. */
    final class Body implements AutoCloseable {
        private final byte[] bytes;
        private int reserved;

        private Body(byte[] bytes, int reserved) {
            this.bytes = bytes;
            this.reserved = reserved;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public void close() {
            budget.release(reserved);
            reserved = 0;
        }
    }

    /** No body read: the request is answered without looking at it (unauthenticated, blocked). */
    Body none() {
        return new Body(new byte[0], 0);
    }

    Body read(HttpExchange exchange, int limit) throws RequestRejected {
        long declared = declaredLength(exchange);
        if (declared > limit) {
            throw RequestRejected.tooLarge(limit);
        }
        int reserved = 0;
        try {
            InputStream in = exchange.getRequestBody();
            if (declared >= 0) {
                reserve((int) declared);
                reserved = (int) declared;
                byte[] body = in.readNBytes((int) declared);
                if (body.length < declared) {
                    throw RequestRejected.malformed("The request body ended before its Content-Length of "
                            + declared + " bytes.");
                }
                return new Body(body, reserved);
            }
            // Chunked: grow the buffer, reserving each growth first, until the stream ends or passes the limit.
            byte[] buffer = new byte[0];
            int length = 0;
            while (length <= limit) {
                if (length == buffer.length) {
                    int grown = Math.min(limit + 1, Math.max(STEP, buffer.length * 2));
                    reserve(grown - buffer.length);
                    reserved += grown - buffer.length;
                    buffer = Arrays.copyOf(buffer, grown);
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    byte[] body = Arrays.copyOf(buffer, length);
                    budget.release(reserved - length);
                    reserved = length;
                    return new Body(body, reserved);
                }
                length += n;
            }
            throw RequestRejected.tooLarge(limit);
        } catch (IOException e) {
            budget.release(reserved);
            throw RequestRejected.malformed("The request body could not be read: it ended early or its "
                    + "chunked transfer encoding is malformed.");
        } catch (RequestRejected | RuntimeException e) {
            budget.release(reserved);
            throw e;
        }
    }

    private void reserve(int bytes) throws RequestRejected {
        try {
            if (!budget.tryAcquire(bytes, BUDGET_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw RequestRejected.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestRejected.busy();
        }
    }

    /** The Content-Length the JDK server has already checked is a non-negative number; -1 if absent. */
    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
