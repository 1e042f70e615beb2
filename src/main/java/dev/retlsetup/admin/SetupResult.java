package dev.retlsetup.admin;

import dev.retlsetup.source.SourceInput;
import java.time.Instant;

/**
 * What a set-up made: the plan's outcome and, once created, the new service principal's client ID
 * and its OAuth secret. The secret is in this object only, to be shown once (as Databricks does)
 * and put into the wizard's form; it prints as a mask and is never logged or saved from here.
 */
public final class SetupResult {
    private final FixOutcome outcome;
    private final WorkspaceApi.ServicePrincipal principal;
    private final WorkspaceApi.NewSecret secret;
    private final SourceInput source;

    SetupResult(FixOutcome outcome, WorkspaceApi.ServicePrincipal principal, WorkspaceApi.NewSecret secret,
                SourceInput source) {
        this.outcome = outcome;
        this.principal = principal;
        this.secret = secret;
        this.source = source;
    }

    public FixOutcome outcome() {
        return outcome;
    }

    /** Every step ran: the principal exists with its secret, CAN USE and grants. */
    public boolean complete() {
        return outcome.complete() && principal != null && secret != null;
    }

    /** The new application (client) ID, null when the principal was not created. */
    public String clientId() {
        return principal == null ? null : principal.applicationId();
    }

    /** The new principal's SCIM ID, null when it was not created. */
    public String scimId() {
        return principal == null ? null : principal.scimId();
    }

    /** The OAuth secret's value, null when none was generated. Show it once; do not log it. */
    public String secret() {
        return secret == null ? null : secret.value();
    }

    /** When the new secret expires, null when the workspace did not say. */
    public Instant secretExpires() {
        return secret == null ? null : secret.expireTime();
    }

    /**
     * The connection as the wizard's form holds it: host, HTTP path, port, the new client ID and
     * secret, the catalog and the schemas read. Null when the principal or its secret is missing.
     */
    public SourceInput source() {
        return complete() ? source : null;
    }

    @Override
    public String toString() {
        return "SetupResult[clientId=" + clientId() + ", secret=" + (secret == null ? "(none)" : "********")
                + ", complete=" + complete() + "]";
    }
}
