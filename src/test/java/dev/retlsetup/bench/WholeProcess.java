package dev.retlsetup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.Main;
import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.source.SourceSettings;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole processes, as a user meets them: a {@code demo-workspace} child, then interleaved runs of
 * {@code java -jar target/retl-setup.jar test} and of {@link BareDriverProgram} against it, each a
 * fresh JVM, timed from launch to exit.
 */
final class WholeProcess {
    private static final Pattern PHASES = Pattern.compile("PHASES (.*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Figures(int runs, long testerMedian, long driverMedian, double ratio, List<String> phases) {
    }

    private WholeProcess() {
    }

    /**
     * (e) alone, for a quick figure on a busy machine:
     * {@code mvn -Pbench -DskipTests package exec:exec -Dbench.main=dev.retlsetup.bench.WholeProcess [-Dbench.processRuns=9]}.
     */
    public static void main(String[] args) throws Exception {
        Figures whole = compare(Integer.getInteger("bench.processRuns", 9));
        System.out.printf(Locale.ROOT, "(e) whole process, %d runs: tester median %d ms, driver median %d ms, "
                + "tester/driver %.3f (target <= 1.00)%n", whole.runs(), whole.testerMedian(), whole.driverMedian(),
                whole.ratio());
        System.out.println("(e) phases, median ms:");
        whole.phases().forEach(line -> System.out.println("  " + line));
    }

    static Figures compare(int runs) throws IOException, InterruptedException {
        Path jar = Path.of("target", "retl-setup.jar");
        Path driverJar = Path.of("target", "lib", "databricks-jdbc-3.4.5.jar");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(driverJar)) {
            throw new IllegalStateException("(e) needs target/retl-setup.jar and target/lib: run with "
                    + "mvn -Pbench -DskipTests package exec:exec");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "demo-workspace").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> ready = readyLine(out.readLine());
            String host = "localhost";
            String port = ready.get("port");
            SourceSettings settings = new SourceSettings(host, ready.get("http-path"), Integer.parseInt(port),
                    ready.get("client-id"), ready.get("client-secret"), "main", List.of("main.marketing"));
            List<String> tester = List.of(java, "-jar", jar.toString(), "test", "--host", host, "--port", port,
                    "--http-path", ready.get("http-path"), "--client-id", ready.get("client-id"), "--catalog", "main",
                    "--schemas", "main.marketing", "--trust-store", ready.get("trust-store"), "--trust-store-password",
                    ready.get("trust-store-password"), "--json");
            List<Long> testerMillis = new ArrayList<>();
            List<Long> driverMillis = new ArrayList<>();
            Map<String, List<Long>> phases = new LinkedHashMap<>();
            // One of each first: the OS file cache holds both jars before anything is timed.
            runTester(tester, ready, phases);
            runDriver(java, driverJar, settings, ready, phases);
            phases.clear();
            for (int i = 0; i < runs; i++) {
                testerMillis.add(runTester(tester, ready, phases));
                driverMillis.add(runDriver(java, driverJar, settings, ready, phases));
            }
            System.out.printf(Locale.ROOT, "(e) whole process: tester %s ms, driver %s ms%n", testerMillis, driverMillis);
            long t = TesterBenchmark.median(testerMillis);
            long d = TesterBenchmark.median(driverMillis);
            List<String> lines = new ArrayList<>();
            phases.forEach((name, values) -> lines.add(String.format(Locale.ROOT, "%-34s %6d", name,
                    TesterBenchmark.median(values))));
            return new Figures(runs, t, d, (double) t / d, lines);
        } finally {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code READY https://localhost:PORT http-path=... client-id=...} as a map, with "port" added. */
    private static Map<String, String> readyLine(String line) {
        if (line == null || !line.startsWith("READY ")) {
            throw new IllegalStateException("the demo workspace did not start: " + line);
        }
        Map<String, String> values = new LinkedHashMap<>();
        String[] parts = line.split(" ");
        values.put("port", parts[1].substring(parts[1].lastIndexOf(':') + 1));
        for (int i = 2; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            values.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return values;
    }

    private static long runTester(List<String> command, Map<String, String> ready, Map<String, List<Long>> phases)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DATABRICKS_CLIENT_SECRET", ready.get("client-secret"));
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        JsonNode report = JSON.readTree(output);
        if (exit != 0 || !report.path("ok").asBoolean()) {
            throw new IllegalStateException("the tester did not pass (exit " + exit + "): " + report);
        }
        for (JsonNode check : report.path("checks")) {
            phases.computeIfAbsent("tester check " + check.path("id").asText(), k -> new ArrayList<>())
                    .add(check.path("millis").asLong());
        }
        phases.computeIfAbsent("tester whole process", k -> new ArrayList<>()).add(millis);
        return millis;
    }

    private static long runDriver(String java, Path driverJar, SourceSettings settings, Map<String, String> ready,
            Map<String, List<Long>> phases) throws IOException, InterruptedException {
        String probe = "main.__segment_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String classpath = Path.of("target", "test-classes") + File.pathSeparator + driverJar;
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, BareDriverProgram.class.getName(),
                JdbcUrl.url(settings), settings.clientId(), ready.get("trust-store"), ready.get("trust-store-password"),
                probe).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DATABRICKS_CLIENT_SECRET", ready.get("client-secret"));
        long start = System.nanoTime();
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Matcher matcher = PHASES.matcher(err);
        if (exit != 0 || !matcher.find()) {
            throw new IllegalStateException("the bare driver program failed (exit " + exit + "): " + err);
        }
        for (String pair : matcher.group(1).trim().split(" ")) {
            String[] kv = pair.split("=");
            phases.computeIfAbsent("driver at " + kv[0] + " (since JVM start)", k -> new ArrayList<>())
                    .add(Long.parseLong(kv[1]));
        }
        phases.computeIfAbsent("driver whole process", k -> new ArrayList<>()).add(millis);
        return millis;
    }
}
