package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.util.Locale;

/** The cloud a workspace runs on, told by the suffix of its host name. */
public enum Cloud {
    AWS(".cloud.databricks.com"),
    AWS_GOV(".cloud.databricks.us"),
    AZURE(".azuredatabricks.net"),
    AZURE_GOV(".databricks.azure.us"),
    AZURE_CHINA(".databricks.azure.cn"),
    GCP(".gcp.databricks.com"),
    /** {@code localhost}, {@code 127.0.0.1}, {@code ::1}: the demo workspace on this computer. */
    LOCAL(null),
    UNKNOWN(null);

    private final String suffix;

    Cloud(String suffix) {
        this.suffix = suffix;
    }

    /** The host suffix ({@code .cloud.databricks.com}), or {@code null} for LOCAL and UNKNOWN. */
    public String suffix() {
        return suffix;
    }

    /** "AWS", "Azure Government", "Google Cloud", ... from the message bundle. */
    public String displayName() {
        return Messages.SOURCE.text("cloud." + name());
    }

    public String displayName(Locale locale) {
        return Messages.SOURCE.in(locale).text("cloud." + name());
    }

    /** The cloud of a (normalized or raw) host name; never throws. */
    public static Cloud of(String host) {
        if (host == null) {
            return UNKNOWN;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        h = Text.stripTrailingDots(h);
        if (isLocal(h)) {
            return LOCAL;
        }
        // GCP's suffix must be tested before AWS': ".gcp.databricks.com" does not end with
        // ".cloud.databricks.com", but keep the specific ones first anyway.
        for (Cloud cloud : new Cloud[] {GCP, AWS_GOV, AZURE_GOV, AZURE_CHINA, AZURE, AWS}) {
            if (h.endsWith(cloud.suffix) && h.length() > cloud.suffix.length()) {
                return cloud;
            }
        }
        return UNKNOWN;
    }

    static boolean isLocal(String h) {
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
