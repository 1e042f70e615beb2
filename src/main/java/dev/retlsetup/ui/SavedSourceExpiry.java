package dev.retlsetup.ui;

import dev.retlsetup.admin.SecretExpiry;
import dev.retlsetup.admin.WorkspaceLists;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.ui.steps.ListAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The expiry of each saved source's secret, for its card on the start page, read in the background:
 * with the admin signed in to that workspace when there is one, else as the source's service principal
 * with the secret from its vault (the system's trust; saved sources keep no trust store).
 *
 * <p>A demo source has no workspace of its own until it is tested: for each demo scenario among the
 * sources, a demo workspace starts in this process, answers the secrets API, and stops again: no
 * network, about 0.2 s per scenario once warm (the first in a process loads the demo's and the
 * driver's classes, a few seconds of one core, so it waits {@link #DEMO_DELAY} after the page shows).
 * Its secret is the scenario's, so the line is what that source would meet when tested.
 */
public final class SavedSourceExpiry {
    /** Per source: short, so a card's line does not wait on an unreachable workspace for long. */
    static final Duration LIMIT = Duration.ofSeconds(15);
    /** How long the demo sources wait before their demo workspaces start. */
    static final Duration DEMO_DELAY = Duration.ofSeconds(2);

    /** One card's line. */
    public record Line(String text, boolean warn) {
    }

    private final AppServices services;
    private final Background background;
    private final AdminSession admin;
    private final ObservableMap<String, Line> lines = FXCollections.observableHashMap();
    private int generation;

    public SavedSourceExpiry(AppServices services, Background background, AdminSession admin) {
        this.services = services;
        this.background = background;
        this.admin = admin;
    }

    /** By source name; a source without a line yet has no entry. */
    public ObservableMap<String, Line> lines() {
        return lines;
    }

    /** Reads the lines of {@code sources} anew; lines of an earlier read that arrive late are dropped. */
    public void read(List<SavedSource> sources) {
        int mine = ++generation;
        lines.clear();
        Map<String, List<SavedSource>> demos = new LinkedHashMap<>();
        for (SavedSource source : sources) {
            if (source.isDemo()) {
                demos.computeIfAbsent(source.demoScenario(), s -> new java.util.ArrayList<>()).add(source);
            } else {
                readOne(source, mine);
            }
        }
        if (!demos.isEmpty()) {
            // After a pause: the first demo of a process loads its classes (seconds of one core), which must not
            // compete with the window being shown.
            background.after(DEMO_DELAY, () -> {
                if (mine == generation) {
                    background.task(() -> readDemos(demos)).onSuccess(found -> {
                        if (mine == generation) {
                            lines.putAll(found);
                        }
                    }).start();
                }
            });
        }
    }

    private void readOne(SavedSource source, int mine) {
        SourceSettings typed = settings(source.toInput(""));
        Optional<AdminSession.SignedIn> signedIn = admin == null ? Optional.empty()
                : admin.forWorkspace(dev.retlsetup.admin.AdminFix.workspaceUrl(typed));
        background.task(() -> {
            if (signedIn.isPresent()) {
                return expiry(WorkspaceLists.asAdmin(typed, TrustConfig.systemDefault(), signedIn.get().token(), LIMIT),
                        typed.clientId());
            }
            Optional<String> secret;
            try {
                secret = services.vaults().secretFor(source);
            } catch (StoreException e) {
                return new Line(Messages.UI.text("expiry.unread", typed.clientId(), e.getMessage()), false);
            }
            if (secret.isEmpty()) {
                return new Line(Messages.UI.text("expiry.unread", typed.clientId(),
                        Messages.UI.text("start.expiry.noSecret")), false);
            }
            return expiry(WorkspaceLists.asPrincipal(typed.withSecret(secret.get()), TrustConfig.systemDefault(), LIMIT),
                    typed.clientId());
        }).onSuccess(line -> {
            if (mine == generation) {
                lines.put(source.name(), line);
            }
        }).onFailure(e -> {
            if (mine == generation) {
                lines.put(source.name(), new Line(Messages.UI.text("expiry.unread", typed.clientId(),
                        e.getClass().getSimpleName()), false));
            }
        }).start();
    }

    private static Map<String, Line> readDemos(Map<String, List<SavedSource>> byScenario) {
        Map<String, Line> found = new LinkedHashMap<>();
        byScenario.forEach((scenario, sources) -> {
            Line line;
            try (DemoWorkspace demo = DemoWorkspace.start(Scenario.builtIn(scenario), 0)) {
                SourceSettings settings = new SourceSettings(demo.host(), demo.httpPath(), demo.port(), demo.clientId(),
                        demo.clientSecret(), null, List.of());
                line = expiry(WorkspaceLists.asPrincipal(settings, new TrustConfig(demo.trustStorePath(),
                        demo.trustStorePassword()), LIMIT), demo.clientId());
            } catch (Exception e) {
                line = new Line(Messages.UI.text("start.expiry.demoFailed", scenario, e.getMessage()), false);
            }
            for (SavedSource source : sources) {
                found.put(source.name(), line);
            }
        });
        return found;
    }

    private static Line expiry(WorkspaceLists lists, String applicationId) {
        try (lists) {
            SecretExpiry expiry = lists.secretExpiry(applicationId, Instant.now());
            return new Line(expiry.message(applicationId), expiry.warn());
        } catch (WorkspaceLists.ListException e) {
            return new Line(Messages.UI.text("expiry.unread", applicationId, e.getMessage()), false);
        }
    }

    /** The settings of a saved input, as the form reads them (the one validator of the wizard). */
    private static SourceSettings settings(SourceInput input) {
        SourceForm form = new SourceForm();
        form.fill(input);
        return form.settings();
    }
}
