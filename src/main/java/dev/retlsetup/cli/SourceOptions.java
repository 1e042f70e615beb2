package dev.retlsetup.cli;

import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.ConnectionParts;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.EnvironmentDefaults;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.PastedConnection;
import dev.retlsetup.source.Prefill;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.source.Validation;
import dev.retlsetup.store.CorruptFileException;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.store.SourceStore;
import dev.retlsetup.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source flags shared by {@code validate} and {@code test}, and how they resolve into a
 * {@link SourceInput}. Field by field, the first source that has a value wins:
 * explicit flags &gt; {@code --jdbc-url} &gt; profile ({@code --profile}, else {@code DATABRICKS_CONFIG_PROFILE})
 * &gt; environment ({@code DATABRICKS_HOST}, {@code DATABRICKS_CLIENT_ID}, {@code DATABRICKS_CLIENT_SECRET},
 * {@code DATABRICKS_WAREHOUSE_ID}).
 *
 * <p>{@code --profile NAME} is first looked up among the sources saved by the wizard ({@link SourceStore}); its
 * secret comes from where the source keeps it (the OS credential store or its {@code ~/.databrickscfg} profile),
 * else from {@code DATABRICKS_CLIENT_SECRET}. Only when no source has that name is it a {@code ~/.databrickscfg}
 * profile. {@code DATABRICKS_CONFIG_PROFILE} always names a {@code ~/.databrickscfg} profile.
 *
 * <p>The secret is never a command-line argument (shell history, process lists): it comes from the profile
 * or {@code DATABRICKS_CLIENT_SECRET}.
 *
 * <pre>
 * SourceOptions.rejectSecretArguments(args);
 * Args parsed = Args.parse(args, SourceOptions.withValueOptions("--timeout"), Set.of("--json"));
 * SourceOptions.Resolved source = SourceOptions.resolve(parsed, context);   // UsageException, ConfigFileException
 * </pre>
 */
public final class SourceOptions {
    public static final String HOST = "--host";
    public static final String HTTP_PATH = "--http-path";
    public static final String PORT = "--port";
    public static final String CLIENT_ID = "--client-id";
    public static final String CATALOG = "--catalog";
    public static final String SCHEMAS = "--schemas";
    public static final String JDBC_URL = "--jdbc-url";
    public static final String PROFILE = "--profile";

    /** The options that take a value. */
    public static final Set<String> VALUE_OPTIONS =
            Set.of(HOST, HTTP_PATH, PORT, CLIENT_ID, CATALOG, SCHEMAS, JDBC_URL, PROFILE);

    private static final Set<String> SECRET_OPTIONS =
            Set.of("--secret", "--client-secret", "--token", "--password", "--pwd", "--oauth-secret");

    /**
     * The resolved input.
     *
     * @param prefill    the values and, per field, where each came from ({@code --host}, {@code --jdbc-url},
     *                   {@code profile [dev]}, {@code DATABRICKS_HOST}, ...)
     * @param profile    the profile used, or {@code null}
     * @param configFile the config file read, or {@code null}
     * @param savedSource the name of the saved source used, or {@code null}
     * @param notes      things the user should know (a secret not found where the saved source keeps it), for
     *                   standard error
     * @param validation the offline verdict on the input, computed once here for every command (schemas
     *                   optional: Segment's source itself has no schema field)
     * @param demoScenario the demo workspace scenario of the saved source used, or {@code null}
     */
    public record Resolved(Prefill prefill, String profile, Path configFile, String savedSource, List<String> notes,
            Validation validation, String demoScenario) {
        public Resolved {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /**
         * This input pointed at a running demo workspace: its address, port, warehouse and credentials replace the
         * saved ones (the demo's port changes with every start); catalog and schemas stay as saved.
         */
        public Resolved onDemo(String host, int port, String httpPath, String clientId, String secret) {
            SourceInput demo = prefill.input().with(Field.HOST, host).with(Field.PORT, String.valueOf(port))
                    .with(Field.HTTP_PATH, httpPath).with(Field.CLIENT_ID, clientId).with(Field.SECRET, secret);
            Map<Field, String> origins = new EnumMap<>(Field.class);
            origins.putAll(prefill.origins());
            for (Field field : List.of(Field.HOST, Field.PORT, Field.HTTP_PATH, Field.CLIENT_ID, Field.SECRET)) {
                origins.put(field, "demo workspace [" + demoScenario + "]");
            }
            return new Resolved(new Prefill(demo, origins), profile, configFile, savedSource, notes,
                    SourceValidator.validate(demo, false), demoScenario);
        }

        public SourceInput input() {
            return prefill.input();
        }

        public SourceSettings settings() {
            return validation.settings();
        }
    }

    /** The flags that set one field; when none is given, a saved source supplies every setting. */
    static final List<String> FIELD_OPTIONS = List.of(HOST, HTTP_PATH, PORT, CLIENT_ID, CATALOG, SCHEMAS, JDBC_URL);

    private SourceOptions() {
    }

    /** {@link #VALUE_OPTIONS} plus a command's own value options. */
    public static Set<String> withValueOptions(String... more) {
        Set<String> all = new HashSet<>(VALUE_OPTIONS);
        all.addAll(List.of(more));
        return all;
    }

    /** The lines describing these options, for a command's usage text. */
    public static String usage() {
        return """
                Source options (each falls back to the next source: flags, --jdbc-url, profile, environment):
                  --host HOST          workspace host (Server hostname), e.g. dbc-1234abcd-5678.cloud.databricks.com
                                       (default: DATABRICKS_HOST)
                  --http-path PATH     SQL warehouse HTTP path, e.g. /sql/1.0/warehouses/1234567890abcdef
                                       (default: DATABRICKS_WAREHOUSE_ID as /sql/1.0/warehouses/<id>)
                  --port N             port (default 443)
                  --client-id ID       service principal application ID (default: DATABRICKS_CLIENT_ID)
                  --catalog NAME       catalog (default: the workspace default catalog)
                  --schemas LIST       schemas the models read, e.g. main.sales,main.marketing
                  --jdbc-url URL       take host, port and HTTP path from a JDBC URL
                  --profile NAME       a source saved by the wizard, else a ~/.databrickscfg profile (host,
                                       client_id, client_secret, warehouse_id) (default: DATABRICKS_CONFIG_PROFILE,
                                       a ~/.databrickscfg profile; file: DATABRICKS_CONFIG_FILE)
                The OAuth secret is never a command-line argument: set DATABRICKS_CLIENT_SECRET, or use --profile.
                """;
    }

    /**
     * Refuses {@code --secret} and its cousins, and anything that looks like a secret, before parsing: a
     * secret on the command line ends up in shell history and process lists. The message never repeats
     * the argument.
     */
    public static void rejectSecretArguments(List<String> args) throws UsageException {
        for (String arg : args) {
            if (arg == null) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = (eq > 0 ? arg.substring(0, eq) : arg).toLowerCase(Locale.ROOT);
            if (SECRET_OPTIONS.contains(name)) {
                throw new UsageException(name + " is not accepted: a secret typed on the command line is kept in "
                        + "your shell history and is visible to other programs on this computer. Set the "
                        + EnvironmentDefaults.CLIENT_SECRET + " environment variable instead, or use --profile "
                        + "with a ~/.databrickscfg profile that has client_secret.");
            }
            String lower = arg.strip().toLowerCase(Locale.ROOT);
            if (!arg.startsWith("--") && arg.length() >= 20 && (lower.startsWith("dose") || lower.startsWith("dapi"))) {
                throw new UsageException("an argument looks like a secret or token; it was not used. Never put "
                        + "secrets on the command line: set " + EnvironmentDefaults.CLIENT_SECRET + " instead.");
            }
        }
    }

    /**
     * Resolves flags, JDBC URL, profile and environment into one input.
     *
     * @throws UsageException      when {@code --jdbc-url} is not a JDBC URL
     * @throws ConfigFileException when the profile cannot be read (missing file, malformed, unknown profile)
     */
    public static Resolved resolve(Args args, CliContext context) throws UsageException, ConfigFileException {
        SourceInput flags = new SourceInput(args.value(HOST), args.value(HTTP_PATH), args.value(PORT),
                args.value(CLIENT_ID), "", args.value(CATALOG), args.value(SCHEMAS));
        EnumMap<Field, String> flagOrigins =
                new EnumMap<>(Field.class);
        putIf(flagOrigins, flags, Field.HOST, HOST);
        putIf(flagOrigins, flags, Field.HTTP_PATH, HTTP_PATH);
        putIf(flagOrigins, flags, Field.PORT, PORT);
        putIf(flagOrigins, flags, Field.CLIENT_ID, CLIENT_ID);
        putIf(flagOrigins, flags, Field.CATALOG, CATALOG);
        putIf(flagOrigins, flags, Field.SCHEMAS, SCHEMAS);
        Prefill result = new Prefill(flags, flagOrigins);

        String jdbcUrl = args.value(JDBC_URL);
        if (jdbcUrl != null) {
            ConnectionParts parts = PastedConnection.parse(jdbcUrl)
                    .orElseThrow(() -> new UsageException(JDBC_URL + " is not a JDBC URL or workspace address. It "
                            + "should look like jdbc:databricks://HOST:443/default;transportMode=http;ssl=1;"
                            + "AuthMech=3;httpPath=/sql/1.0/warehouses/ID;"));
            result = result.orElse(Prefill.of(parts.applyTo(SourceInput.empty()), JDBC_URL));
        }

        String profileName = args.value(PROFILE);
        Path configFile = null;
        String savedName = null;
        String demoScenario = null;
        List<String> notes = new ArrayList<>();
        Optional<SavedSource> saved = profileName == null ? Optional.empty() : savedSource(profileName, context);
        if (saved.isPresent()) {
            SavedSource source = saved.get();
            savedName = source.name();
            demoScenario = source.demoScenario();
            SecretStorage storage = source.secretStorage();
            if (storage.kind() == SecretStorage.Kind.DATABRICKSCFG) {
                configFile = context.secrets().databricksCfg().file();
            }
            String secret = "";
            try {
                secret = context.secrets().vault(storage.kind()).read(storage).orElse("");
                if (secret.isEmpty() && storage.kind() != SecretStorage.Kind.NONE
                        && context.env(EnvironmentDefaults.CLIENT_SECRET) == null) {
                    notes.add("the saved source \"" + source.name() + "\" keeps its secret in " + where(storage)
                            + ", but none was found there; set " + EnvironmentDefaults.CLIENT_SECRET + ".");
                }
            } catch (StoreException e) {
                notes.add("the secret of the saved source \"" + source.name() + "\" could not be read: "
                        + e.getMessage() + (context.env(EnvironmentDefaults.CLIENT_SECRET) == null ? ""
                        : " Using " + EnvironmentDefaults.CLIENT_SECRET + "."));
            }
            result = result.orElse(Prefill.of(source.toInput(secret), "saved source [" + source.name() + "]"));
        } else {
            if (profileName == null) {
                profileName = context.env(EnvironmentDefaults.CONFIG_PROFILE);
            }
            if (profileName != null) {
                configFile = DatabricksConfigFile.locate(context.env(), context.home());
                try {
                    DatabricksConfigFile file = DatabricksConfigFile.read(configFile);
                    result = result.orElse(file.profile(profileName).toPrefill());
                } catch (ConfigFileException e) {
                    // Neither a saved source nor a profile: a saved file of that name may hold another name.
                    Optional<String> hint = args.value(PROFILE) == null ? Optional.empty()
                            : new SourceStore(context.configDirectory()).notFoundHint(profileName);
                    if (hint.isEmpty()) {
                        throw e;
                    }
                    throw new ConfigFileException("No saved source is named \"" + profileName.strip() + "\". "
                            + hint.get(), configFile, 0);
                }
            }
        }

        result = result.orElse(EnvironmentDefaults.read(context.env()));
        return new Resolved(result, profileName, configFile, savedName, notes,
                SourceValidator.validate(result.input(), false), demoScenario);
    }

    /** True when no flag overrides a setting of the saved source (so a test result describes the source). */
    static boolean onlySavedSettings(Args args) {
        return FIELD_OPTIONS.stream().noneMatch(args::has);
    }

    /**
     * The saved source {@code name}, if any. A damaged one (moved aside by the store) is an error, not a silent
     * fallback to a {@code ~/.databrickscfg} profile of the same name.
     */
    private static Optional<SavedSource> savedSource(String name, CliContext context) throws ConfigFileException {
        SourceStore store = new SourceStore(context.configDirectory());
        try {
            return store.find(name);
        } catch (CorruptFileException e) {
            throw new ConfigFileException(e.getMessage(), e.path(), 0);
        } catch (StoreException e) {
            throw new ConfigFileException(e.getMessage(), e.path(), 0);
        }
    }

    private static String where(SecretStorage storage) {
        return switch (storage.kind()) {
            case KEYCHAIN -> "this computer's credential store";
            case DATABRICKSCFG -> "the ~/.databrickscfg profile [" + storage.profile() + "]";
            case NONE -> "no store";
        };
    }

    private static void putIf(Map<Field, String> origins, SourceInput input,
            Field field, String origin) {
        if (!input.get(field).isBlank()) {
            origins.put(field, origin);
        }
    }
}
