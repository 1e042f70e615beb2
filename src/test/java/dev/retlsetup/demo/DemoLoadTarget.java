package dev.retlsetup.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo workspace alone in a JVM, for the load test to run with a small heap: prints
 * {@code READY <port> <truststore>}, then answers each {@code heap} line on stdin with
 * {@code HEAP <peak bytes> <live bytes> <max bytes>}: the peak of the heap in use (garbage included),
 * sampled every few milliseconds, and what a full collection leaves; ends when stdin closes.
 */
public final class DemoLoadTarget {
    private DemoLoadTarget() {
    }

    private static final AtomicLong PEAK = new AtomicLong();

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            System.out.println("READY " + ws.port() + " " + ws.trustStorePath());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("heap")) {
                    System.gc();
                    System.out.println("HEAP " + PEAK.get() + " " + memory.getHeapMemoryUsage().getUsed() + " "
                            + Runtime.getRuntime().maxMemory());
                    System.out.flush();
                }
            }
        }
    }
}
