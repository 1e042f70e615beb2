package dev.retlsetup.demo;

import com.databricks.jdbc.model.client.thrift.generated.THandleIdentifier;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open Thrift sessions and their operations, keyed by the handle GUIDs given to the driver. */
final class ThriftSessions {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SqlSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    /**
     * A statement: running on the engine until {@link #finish} (or cancelled), then its result or
     * error and how far the driver has fetched.
     */
    static final class Operation {
        final Execution execution = new Execution();
        final long started;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        volatile QueryResult result;
        volatile SqlError error;
        volatile long completed;

        Operation(long started) {
            this.started = started;
        }

        void finish(QueryResult result, SqlError error) {
            this.result = result;
            this.error = error;
            this.completed = System.currentTimeMillis();
            done.countDown();
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        boolean canceled() {
            return execution.cancelled();
        }

        /** Waits up to {@code millis} for the statement to end; true when it has. */
        boolean await(long millis) {
            try {
                return done.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return isDone();
            }
        }

        /** Stops the statement if it still runs and releases its rows. */
        void close() {
            execution.cancel();
            QueryResult rows = result;
            if (rows != null) {
                rows.close();
            }
        }
    }

    THandleIdentifier newHandle() {
        byte[] guid = new byte[16];
        byte[] secret = new byte[16];
        random.nextBytes(guid);
        random.nextBytes(secret);
        return new THandleIdentifier(ByteBuffer.wrap(guid), ByteBuffer.wrap(secret));
    }

    void openSession(THandleIdentifier handle, SqlSession session) {
        sessions.put(key(handle), session);
    }

    SqlSession session(THandleIdentifier handle) {
        return handle == null ? null : sessions.get(key(handle));
    }

    void closeSession(THandleIdentifier handle) {
        sessions.remove(key(handle));
    }

    void addOperation(THandleIdentifier handle, Operation operation) {
        operations.put(key(handle), operation);
    }

    Operation operation(THandleIdentifier handle) {
        return handle == null ? null : operations.get(key(handle));
    }

    void closeOperation(THandleIdentifier handle) {
        Operation operation = operations.remove(key(handle));
        if (operation != null) {
            operation.close();
        }
    }

    /** Stops everything still running (the workspace is shutting down). */
    void closeAll() {
        operations.values().forEach(Operation::close);
        operations.clear();
        sessions.clear();
    }

    /** Statement ids as the driver prints them (the operation GUID). */
    static String key(THandleIdentifier handle) {
        ByteBuffer guid = handle.bufferForGuid().duplicate();
        byte[] bytes = new byte[guid.remaining()];
        guid.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
