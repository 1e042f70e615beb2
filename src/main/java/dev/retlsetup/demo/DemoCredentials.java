package dev.retlsetup.demo;

/**
 * The fixed, published credentials of the demo workspace. They are printed by
 * {@code retl-setup demo-workspace} and documented in docs/demo-workspace.md on purpose: they open
 * nothing but an emulator on 127.0.0.1. Their shapes match real ones (warehouse id: 16 lowercase hex,
 * client id: the service principal's application id, a UUID; secret: {@code dose} + 32 hex) so that
 * the wizard's offline validation accepts them unchanged.
 */
public final class DemoCredentials {
    public static final String WAREHOUSE_ID = "8f3c2a91d4e07b56";
    public static final String CLIENT_ID = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";
    public static final String CLIENT_SECRET = "dose3f9a1c7e5b2d4086a1f3c9e7b5d2a04c";
    /** The workspace (org) id that real workspaces put in error texts and {@code ?o=} URLs. */
    public static final String WORKSPACE_ID = "4815162342108042";

    private DemoCredentials() {
    }
}
