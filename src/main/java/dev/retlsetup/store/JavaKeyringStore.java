package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS credential store through java-keyring: macOS Keychain, Windows Credential Manager, or on Linux the
 * Secret Service (GNOME Keyring, KWallet) over D-Bus. Opened once, lazily, on a daemon thread with a time limit,
 * so a missing or hanging D-Bus never blocks the app; every call is serialized and time-limited too (a call may
 * wait for the user to unlock the keyring).
 */
public final class JavaKeyringStore implements CredentialStore {
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String osName;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "os-credential-store");
        t.setDaemon(true);
        return t;
    });
    private Keyring keyring;
    private String unavailable;
    private boolean opened;

    public JavaKeyringStore() {
        this(System.getProperty("os.name", ""));
    }

    JavaKeyringStore(String osName) {
        this.osName = osName == null ? "" : osName;
    }

    @Override
    public synchronized String unavailableReason() {
        if (!opened) {
            opened = true;
            try {
                keyring = call(Keyring::create, OPEN_TIMEOUT);
            } catch (Exception e) {
                unavailable = reason(e);
            } catch (LinkageError e) {
                unavailable = "the credential store library could not be loaded (" + e.getClass().getSimpleName()
                        + ")";
            }
        }
        return unavailable;
    }

    @Override
    public synchronized String get(String service, String account) throws Exception {
        Keyring k = open();
        try {
            return call(() -> k.getPassword(service, account), CALL_TIMEOUT);
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry this way on every platform.
            return null;
        }
    }

    @Override
    public synchronized void set(String service, String account, String secret) throws Exception {
        Keyring k = open();
        call(() -> {
            k.setPassword(service, account, secret);
            return null;
        }, CALL_TIMEOUT);
    }

    @Override
    public synchronized void delete(String service, String account) throws Exception {
        Keyring k = open();
        try {
            call(() -> {
                k.deletePassword(service, account);
                return null;
            }, CALL_TIMEOUT);
        } catch (PasswordAccessException e) {
            // no entry: nothing to delete
        }
    }

    private Keyring open() throws Exception {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return keyring;
    }

    private <T> T call(Callable<T> action, Duration timeout) throws Exception {
        Future<T> future = executor.submit(action);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("the credential store did not answer within " + timeout.toSeconds()
                    + " seconds");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private String reason(Exception e) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (e instanceof TimeoutException) {
            return e.getMessage();
        }
        if (e instanceof BackendNotSupportedException) {
            if (os.startsWith("mac")) {
                return Messages.STORE.text("keychain.reason.mac");
            }
            if (os.startsWith("windows")) {
                return Messages.STORE.text("keychain.reason.windows");
            }
            return Messages.STORE.text("keychain.reason.linux");
        }
        return Messages.STORE.text("keychain.reason.other",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
