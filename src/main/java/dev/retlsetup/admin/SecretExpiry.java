package dev.retlsetup.admin;

import dev.retlsetup.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When the service principal's secret stops working. The API does not say which secret a client
 * uses, so with several active secrets the soonest expiry counts: an expiring secret silently
 * breaks every sync. Secrets made before 2025 never expire, and then no expiry is known.
 *
 * @param expires the soonest expiry among active secrets; null when none is known
 */
public record SecretExpiry(Kind kind, Instant expires, long daysLeft, int activeSecrets) {
    public static final Duration WARN_WITHIN = Duration.ofDays(30);

    public enum Kind { EXPIRES_SOON, EXPIRES_LATER, NO_EXPIRY_KNOWN, ALL_EXPIRED, NO_PRINCIPAL }

    public boolean warn() {
        return kind == Kind.EXPIRES_SOON || kind == Kind.ALL_EXPIRED || kind == Kind.NO_PRINCIPAL;
    }

    /** One sentence for the Test page, the start page and the command line. */
    public String message(String applicationId) {
        return switch (kind) {
            case EXPIRES_SOON -> Messages.ADMIN.text("expiry.soon", applicationId, daysLeft, java.util.Date.from(expires));
            case EXPIRES_LATER -> Messages.ADMIN.text("expiry.later", applicationId, daysLeft, java.util.Date.from(expires));
            case NO_EXPIRY_KNOWN -> Messages.ADMIN.text("expiry.unknown", applicationId);
            case ALL_EXPIRED -> Messages.ADMIN.text("expiry.expired", applicationId);
            case NO_PRINCIPAL -> Messages.ADMIN.text("expiry.noPrincipal", applicationId);
        };
    }

    static SecretExpiry read(WorkspaceApi api, String applicationId, Instant now) throws AdminApiException {
        Optional<WorkspaceApi.ServicePrincipal> sp = api.servicePrincipal(applicationId);
        if (sp.isEmpty()) {
            return new SecretExpiry(Kind.NO_PRINCIPAL, null, 0, 0);
        }
        return of(api.secrets(sp.get().scimId()), now);
    }

    static SecretExpiry of(List<WorkspaceApi.Secret> secrets, Instant now) {
        List<WorkspaceApi.Secret> active = secrets.stream()
                .filter(s -> s.expireTime() == null || now.isBefore(s.expireTime())).toList();
        if (active.isEmpty()) {
            return new SecretExpiry(secrets.isEmpty() ? Kind.NO_EXPIRY_KNOWN : Kind.ALL_EXPIRED, null, 0, 0);
        }
        Optional<Instant> soonest = active.stream().map(WorkspaceApi.Secret::expireTime).filter(t -> t != null)
                .min(Comparator.naturalOrder());
        if (soonest.isEmpty()) {
            return new SecretExpiry(Kind.NO_EXPIRY_KNOWN, null, 0, active.size());
        }
        Duration left = Duration.between(now, soonest.get());
        // Counted up: a secret that ends in 9 days and 23 hours is "in 10 days", and one ending today "in 1 day".
        long days = Math.max(1, (left.toSeconds() + 86_399) / 86_400);
        return new SecretExpiry(left.compareTo(WARN_WITHIN) <= 0 ? Kind.EXPIRES_SOON : Kind.EXPIRES_LATER,
                soonest.get(), days, active.size());
    }
}
