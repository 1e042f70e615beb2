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

    /** A finished statement: its result (or error) and how far the driver has fetched. */
    static final class Operation {
        final QueryResult result;
        final SqlError error;
        final long started;
        final long completed;
        int fetched;

        Operation(QueryResult result, SqlError error, long started, long completed) {
            this.result = result;
            this.error = error;
            this.started = started;
            this.completed = completed;
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
        operations.remove(key(handle));
    }

    /** Statement ids as the driver prints them (the operation GUID). */
    static String key(THandleIdentifier handle) {
        ByteBuffer guid = handle.bufferForGuid().duplicate();
        byte[] bytes = new byte[guid.remaining()];
        guid.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
