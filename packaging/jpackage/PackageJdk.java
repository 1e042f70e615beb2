import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Runs a tool ({@code jpackage}, {@code jlink}, ...) of the JDK that builds the installers' runtime.
 * The code is compiled for Java 17, but the runtime it ships with is jlinked from JDK 25 or newer:
 * its AOT cache (JEP 483/514/515) starts the app in about half the time of AppCDS on 17.
 *
 * <p>The JDK is the first of:
 * <ol>
 *   <li>{@code -Dpackage.jdk=DIR} (from Maven: {@code mvn -Ppackage package -Dpackage.jdk=DIR});</li>
 *   <li>{@code JAVA_HOME}, if it is JDK 25 or newer;</li>
 *   <li>{@code /usr/lib/jvm/temurin-25-jdk-amd64}, where the build machines keep it.</li>
 * </ol>
 * None of them being a JDK 25+ with the tool is an error that says what was tried.
 *
 * <p>Usage (from the repository root): {@code java [-Dpackage.jdk=DIR] packaging/jpackage/PackageJdk.java TOOL ARGS...};
 * the tool's output and exit code are passed through. {@code --module-path=DIR} is passed on as
 * {@code --module-path DIR}.
 */
public final class PackageJdk {
    static final int MIN_FEATURE = 25;
    static final String MODULE_PATH = "--module-path";
    static final String DEFAULT_JDK = "/usr/lib/jvm/temurin-25-jdk-amd64";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java packaging/jpackage/PackageJdk.java TOOL [ARGS...]");
            System.exit(2);
        }
        String tool = args[0];
        Path jdk;
        try {
            jdk = find(tool);
        } catch (IllegalStateException e) {
            System.err.println("[package-jdk] " + e.getMessage());
            System.exit(1);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(executable(jdk, tool).toString());
        for (String arg : List.of(args).subList(1, args.length)) {
            // jpackage wants "--module-path DIR"; Maven's exec plugin drops the DIR of a separate
            // "--module-path" when it runs java, so the pom passes "--module-path=DIR".
            if (arg.startsWith(MODULE_PATH + "=")) {
                command.add(MODULE_PATH);
                command.add(arg.substring(MODULE_PATH.length() + 1));
            } else {
                command.add(arg);
            }
        }
        System.out.println("[package-jdk] " + tool + " from " + jdk + " (Java " + version(jdk) + ")");
        Process process = new ProcessBuilder(command).inheritIO().start();
        System.exit(process.waitFor());
    }

    static Path find(String tool) {
        List<String> tried = new ArrayList<>();
        String property = System.getProperty("package.jdk", "").trim();
        if (!property.isEmpty() && !property.startsWith("${")) {
            Path jdk = Path.of(property);
            String problem = problem(jdk, tool);
            if (problem == null) {
                return jdk;
            }
            // An explicit choice that does not work is an error, not a reason to pick another JDK.
            throw new IllegalStateException("-Dpackage.jdk=" + property + ": " + problem
                    + " (the installers need a JDK " + MIN_FEATURE + " or newer with " + tool + ")");
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            String problem = problem(Path.of(javaHome), tool);
            if (problem == null) {
                return Path.of(javaHome);
            }
            tried.add("JAVA_HOME=" + javaHome + ": " + problem);
        } else {
            tried.add("JAVA_HOME: not set");
        }
        String problem = problem(Path.of(DEFAULT_JDK), tool);
        if (problem == null) {
            return Path.of(DEFAULT_JDK);
        }
        tried.add(DEFAULT_JDK + ": " + problem);
        throw new IllegalStateException("the installers need a JDK " + MIN_FEATURE + " or newer (for jlink, jpackage "
                + "and the AOT cache; the code itself stays at Java 17). Install one (e.g. Temurin " + MIN_FEATURE
                + ") and pass -Dpackage.jdk=<its folder> or set JAVA_HOME to it. Tried: " + String.join("; ", tried));
    }

    /** Why {@code jdk} cannot be used, or {@code null} if it can. */
    static String problem(Path jdk, String tool) {
        if (!Files.isDirectory(jdk)) {
            return "no such folder";
        }
        String version = version(jdk);
        if (version == null) {
            return "not a JDK (no readable 'release' file)";
        }
        int feature;
        try {
            feature = Integer.parseInt(version.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return "unrecognised Java version " + version;
        }
        if (feature < MIN_FEATURE) {
            return "Java " + version + ", older than " + MIN_FEATURE;
        }
        if (!Files.isExecutable(executable(jdk, tool))) {
            return "Java " + version + " but no " + executable(jdk, tool) + " (a JRE, or a JDK without it)";
        }
        return null;
    }

    static String version(Path jdk) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(jdk.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return null;
        }
        String version = release.getProperty("JAVA_VERSION");
        return version == null ? null : version.replace("\"", "");
    }

    static Path executable(Path jdk, String tool) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        return jdk.resolve("bin").resolve(windows ? tool + ".exe" : tool);
    }
}
