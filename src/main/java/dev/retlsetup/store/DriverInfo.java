package dev.retlsetup.store;

/** The Databricks JDBC driver's version, for reports. */
public final class DriverInfo {
    static final String DRIVER_CLASS = "com.databricks.client.jdbc.Driver";
    /** The version this build depends on (pom.xml), used when the jar does not say. */
    static final String BUILT_WITH = "3.4.5";

    private static volatile String cached;

    private DriverInfo() {
    }

    /** The jar's Implementation-Version, else the driver's major.minor, else {@value #BUILT_WITH}. */
    public static String version() {
        String v = cached;
        if (v == null) {
            v = detect();
            cached = v;
        }
        return v;
    }

    private static String detect() {
        try {
            Class<?> driver = Class.forName(DRIVER_CLASS, false, DriverInfo.class.getClassLoader());
            Package p = driver.getPackage();
            String implementation = p == null ? null : p.getImplementationVersion();
            if (implementation != null && !implementation.isBlank()) {
                return implementation.strip();
            }
            java.sql.Driver instance = (java.sql.Driver) driver.getDeclaredConstructor().newInstance();
            return instance.getMajorVersion() + "." + instance.getMinorVersion();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return BUILT_WITH;
        }
    }
}
