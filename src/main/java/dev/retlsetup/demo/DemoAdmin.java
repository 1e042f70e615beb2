package dev.retlsetup.demo;

/**
 * The demo workspace's published admin: a workspace admin (member of {@code admins}) who signs in
 * through the authorize page or uses the admin token printed by {@code demo-workspace}. Like
 * {@link DemoCredentials} it opens nothing but an emulator on 127.0.0.1.
 */
public final class DemoAdmin {
    public static final String USER_NAME = "admin@example.com";
    public static final String DISPLAY_NAME = "Demo Admin";
    static final String SCIM_ID = "1000000000000042";
    /** The workspace admins group: its members may change permissions, principals and grants. */
    public static final String ADMINS_GROUP = "admins";
    static final String ADMINS_GROUP_ID = "1000000000000002";
    static final String USERS_GROUP_ID = "1000000000000001";
    /**
     * A workspace user who is not an admin (in {@code users} only): the authorize page offers to sign
     * in as them, so the refusal of a non-admin can be tried end to end.
     */
    public static final String USER_NAME_NOT_ADMIN = "analyst@example.com";
    public static final String DISPLAY_NAME_NOT_ADMIN = "Demo Analyst";
    static final String SCIM_ID_NOT_ADMIN = "1000000000000077";
    /** The public OAuth client the Databricks CLI and SDKs use for U2M sign-in. */
    public static final String U2M_CLIENT_ID = "databricks-cli";

    private DemoAdmin() {
    }
}
