package dev.retlsetup.cli;

import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.admin.ClientCredentialsToken;
import dev.retlsetup.admin.SignInException;
import dev.retlsetup.admin.U2mSignIn;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The admin's token for {@code fix} and {@code setup}: from an environment variable or an admin
 * {@code ~/.databrickscfg} profile of the same workspace (a token, an admin service principal's
 * client_id/client_secret, or {@code auth_type = databricks-cli}: a browser sign-in), never from an
 * argument, and never printed.
 */
final class AdminCredentials {
    static final String ADMIN_TOKEN_ENV = "--admin-token-env";
    static final String ADMIN_PROFILE = "--admin-profile";
    static final String NO_BROWSER = "--no-browser";
    static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(5);

    private AdminCredentials() {
    }

    /** A token on the command line is kept in the shell's history: refused before anything else. */
    static void rejectTokenArguments(List<String> args) throws UsageException {
        for (String arg : args) {
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.equals("--admin-token") || lower.startsWith("--admin-token=")) {
                throw new UsageException("--admin-token is not accepted: a token on the command line is kept in your"
                        + " shell history. Use --admin-token-env VAR or --admin-profile NAME.");
            }
        }
    }

    static void requireOne(Args parsed) throws UsageException {
        if (parsed.has(ADMIN_TOKEN_ENV) == parsed.has(ADMIN_PROFILE)) {
            throw new UsageException("give exactly one of " + ADMIN_TOKEN_ENV + " VAR or " + ADMIN_PROFILE + " NAME");
        }
    }

    /** The admin's token from the named variable or profile; null (after saying why on stderr) when there is none. */
    static AdminToken token(Args parsed, CliContext context, String host, int port, TrustConfig trust, PrintStream info,
                            List<Runnable> cancellers, String command)
            throws UsageException, IOException, GeneralSecurityException {
        String workspaceUrl = "https://" + host + (port == SourceSettings.DEFAULT_PORT ? "" : ":" + port);
        if (parsed.has(ADMIN_TOKEN_ENV)) {
            String variable = parsed.value(ADMIN_TOKEN_ENV);
            String value = context.env(variable);
            if (value == null) {
                context.err().println("retl-setup " + command + ": the environment variable " + variable + " is not set.");
                return null;
            }
            return AdminToken.of(value);
        }
        String name = parsed.value(ADMIN_PROFILE);
        DatabricksConfigFile.Profile profile;
        try {
            profile = DatabricksConfigFile.read(DatabricksConfigFile.locate(context.env(), context.home())).find(name)
                    .orElseThrow(() -> new UsageException("no profile [" + name + "] in ~/.databrickscfg"));
        } catch (ConfigFileException e) {
            context.err().println("retl-setup " + command + ": " + e.getMessage());
            return null;
        }
        String profileHost = profile.host() == null ? ""
                : profile.host().replaceFirst("^https?://", "").replaceFirst("/+$", "");
        if (!profileHost.equalsIgnoreCase(host) && !profileHost.equalsIgnoreCase(host + ":" + port)) {
            throw new UsageException("the profile [" + name + "] is for " + profileHost + ", not for " + host);
        }
        try {
            if (profile.token() != null && !profile.token().isBlank()) {
                return AdminToken.of(profile.token());
            }
            if (profile.clientId() != null && profile.clientSecret() != null) {
                return ClientCredentialsToken.obtain(workspaceUrl, trust.sslContext(), profile.clientId(),
                        profile.clientSecret());
            }
            if ("databricks-cli".equals(profile.authType())) {
                boolean open = !parsed.has(NO_BROWSER);
                U2mSignIn signIn = new U2mSignIn(trust.sslContext(), uri -> {
                    info.println("Sign in as a workspace admin in your browser: " + uri);
                    if (open) {
                        try {
                            BrowserOpener.system().open(uri);
                        } catch (IOException e) {
                            // No desktop (an SSH session, a container): the printed address works in a browser here.
                            info.println("No browser could be opened here; open the address above in one.");
                        }
                    }
                    info.println("Waiting up to " + SIGN_IN_LIMIT.toMinutes() + " minutes for the sign-in (Ctrl+C cancels)…");
                    info.flush();
                });
                cancellers.add(signIn::cancel);
                return signIn.signIn(workspaceUrl, SIGN_IN_LIMIT);
            }
        } catch (SignInException e) {
            context.err().println("retl-setup " + command + ": " + e.getMessage());
            return null;
        }
        throw new UsageException("the profile [" + name + "] has no token, no client_id/client_secret and no "
                + "auth_type = databricks-cli");
    }
}
