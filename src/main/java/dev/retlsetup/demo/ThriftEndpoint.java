package dev.retlsetup.demo;

import com.databricks.internal.apache.thrift.TException;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.TIOStreamTransport;
import com.databricks.internal.apache.thrift.transport.TMemoryInputTransport;
import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TCLIService over HTTP on the warehouse's HTTP path: one binary-protocol Thrift call per POST.
 * Before decoding, applies what a warehouse applies at its front door: unknown warehouse (404),
 * no CAN USE (403), and a stopped or starting warehouse (503 with Retry-After, which the driver
 * waits out on its own).
 */
final class ThriftEndpoint {
    private static final String RETRY_AFTER_SECONDS = "1";
    /** Where Databricks' Thrift front end puts the reason for a refused HTTP request. */
    static final String ERROR_HEADER = "X-Thriftserver-Error-Message";

    private final ThriftSessions sessions = new ThriftSessions();
    /** The Thrift calls received, by name, in order: tests use it to see what the driver really does. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final SqlEngine engine;
    private final Warehouse warehouse;
    /** Statements run here, so ExecuteStatement can answer "running" and CancelOperation can stop them. */
    private final java.util.concurrent.ExecutorService statements =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "demo-warehouse-statement");
                thread.setDaemon(true);
                return thread;
            });
    /** Thrift response bytes sent to clients: what a benchmark reads to see how much a check fetched. */
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> bytesByCall =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Directory directory;

    ThriftEndpoint(SqlEngine engine, Warehouse warehouse, Directory directory) {
        this.engine = engine;
        this.warehouse = warehouse;
        this.directory = directory;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    long bytesSent() {
        return bytesSent.get();
    }

    java.util.Map<String, Long> bytesByCall() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        bytesByCall.forEach((call, bytes) -> copy.put(call, bytes.sum()));
        return copy;
    }

    /** Cancels running statements and stops their threads. */
    void close() {
        sessions.closeAll();
        statements.shutdownNow();
    }

    private static String callName(byte[] request) {
        try {
            return new TBinaryProtocol(new TMemoryInputTransport(request)).readMessageBegin().name;
        } catch (TException | RuntimeException e) {
            return "(not Thrift)";
        }
    }

    /**
     * {@code warehouseId} is from the HTTP path; the caller has checked the bearer token of
     * {@code principal} and read the body within {@link ServerLimits#THRIFT_BODY_BYTES}.
     */
    void handle(HttpExchange exchange, String principal, String warehouseId, byte[] request) throws IOException {
        if (!DemoCredentials.WAREHOUSE_ID.equals(warehouseId)) {
            HttpExchanges.sendJson(exchange, 404, RestEndpoints.warehouseNotFound(warehouseId));
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpExchanges.sendJson(exchange, 405, HttpExchanges.error("BAD_REQUEST",
                    "Thrift over HTTP expects POST with Content-Type application/x-thrift"));
            return;
        }
        String call = callName(request);
        calls.add(call);
        if (!directory.canUseWarehouse(principal) || !directory.hasSqlAccess(principal)) {
            // The driver reports this header's text (not the body) in its exception message.
            String text = directory.canUseWarehouse(principal) ? "PERMISSION_DENIED: " + principal
                    + " does not have the Databricks SQL access entitlement." : RestEndpoints.notAuthorized(principal);
            exchange.getResponseHeaders().set(ERROR_HEADER, text);
            exchange.getResponseHeaders().set("x-request-id", UUID.randomUUID().toString());
            HttpExchanges.send(exchange, 403, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!warehouse.isRunning()) {
            warehouse.start(); // a query wakes a stopped warehouse, as on Databricks
            String text = "The SQL warehouse " + warehouseId + " is starting. Please retry after "
                    + RETRY_AFTER_SECONDS + " second(s).";
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            exchange.getResponseHeaders().set(ERROR_HEADER, text);
            HttpExchanges.sendJson(exchange, 503, HttpExchanges.error("TEMPORARILY_UNAVAILABLE", text));
            return;
        }
        byte[] response;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TCLIService.Processor<ThriftService> processor =
                    new TCLIService.Processor<>(new ThriftService(sessions, engine, statements, principal));
            processor.process(new TBinaryProtocol(new TMemoryInputTransport(request)),
                    new TBinaryProtocol(new TIOStreamTransport(out)));
            response = out.toByteArray();
        } catch (TException | RuntimeException e) {
            // Thrift's own decoding errors say which part was wrong; anything else is just "not Thrift".
            String detail = e instanceof TException && e.getMessage() != null ? ": " + e.getMessage() : "";
            HttpExchanges.sendJson(exchange, 400, HttpExchanges.error("BAD_REQUEST",
                    "not a TCLIService binary-protocol call" + detail));
            return;
        }
        bytesSent.addAndGet(response.length);
        bytesByCall.computeIfAbsent(call, c -> new java.util.concurrent.atomic.LongAdder()).add(response.length);
        HttpExchanges.send(exchange, 200, "application/x-thrift", response);
    }
}
