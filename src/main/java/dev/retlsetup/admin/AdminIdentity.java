package dev.retlsetup.admin;

/**
 * Who signed in, from SCIM {@code Me}.
 *
 * @param admin member of the workspace's {@code admins} group: only then may the plan be applied
 */
public record AdminIdentity(String userName, String displayName, boolean admin) {
    /** The name to show: the display name when there is one. */
    public String label() {
        return displayName == null || displayName.isBlank() ? userName : displayName + " (" + userName + ")";
    }
}
