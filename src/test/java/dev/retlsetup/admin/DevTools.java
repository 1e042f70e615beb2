package dev.retlsetup.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: one page target, commands
 * answered by id, each with a time limit. Enough to read the page and click like a user does
 * ({@code Input.dispatchMouseEvent} goes through the browser's input pipeline, as a real click).
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    static DevTools connect(URI page) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        DevTools[] self = new DevTools[1];
        StringBuilder frame = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(LIMIT)
                .buildAsync(page, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            String text = frame.toString();
                            frame.setLength(0);
                            self[0].answer(text);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        self[0] = new DevTools(socket);
        return self[0];
    }

    private void answer(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            CompletableFuture<JsonNode> future = message.has("id") ? waiting.remove(message.path("id").asInt()) : null;
            if (future != null) {
                future.complete(message);
            }
        } catch (IOException e) {
            // not JSON: not an answer to us
        }
    }

    /** Sends one command and waits for its answer's {@code result}; a protocol error becomes an IOException. */
    JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(command.toString(), true);
        try {
            JsonNode message = answer.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new IOException(method + ": " + message.path("error"));
            }
            return message.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer", e);
        } finally {
            waiting.remove(id);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value (by value: strings, numbers, booleans). */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
        return call("Runtime.evaluate", params).path("result").path("value");
    }

    /** A left click at page coordinates: move there, press, release, as the mouse does. */
    void click(double x, double y) throws IOException, InterruptedException {
        for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
            ObjectNode params = JSON.createObjectNode().put("type", type).put("x", x).put("y", y);
            if (!type.equals("mouseMoved")) {
                params.put("button", "left").put("clickCount", 1);
            }
            call("Input.dispatchMouseEvent", params);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS);
        socket.abort();
    }
}
