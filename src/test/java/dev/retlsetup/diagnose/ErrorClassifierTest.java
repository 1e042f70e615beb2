package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import dev.retlsetup.testing.RandomText;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
    private final ErrorClassifier classifier = new ErrorClassifier();

    private Diagnosis classify(String text) {
        return classifier.classify(text);
    }

    @Test
    void everyCategoryButUnknownHasARowInTheTable() {
        Set<Category> covered = ErrorClassifier.rules().stream().map(ErrorClassifier.Rule::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
        Set<Category> expected = EnumSet.allOf(Category.class);
        expected.remove(Category.UNKNOWN);
        covered.remove(Category.UNKNOWN); // guard rows: texts that only look like a known problem
        assertEquals(expected, covered);
    }

    @Test
    void categoryIdsAreTheStableContract() {
        assertEquals(List.of("HOST_NOT_FOUND", "NETWORK_UNREACHABLE", "TLS_UNTRUSTED", "IP_BLOCKED",
                "PRIVATE_LINK_BLOCKED", "OAUTH_NOT_SUPPORTED_HOST", "INVALID_CLIENT", "WRONG_CREDENTIAL_KIND",
                "ACCESS_TOKEN_REJECTED", "NOT_IN_WORKSPACE", "WAREHOUSE_NOT_FOUND", "WAREHOUSE_ACCESS_DENIED",
                "WAREHOUSE_UNAVAILABLE", "CATALOG_NOT_FOUND", "SCHEMA_NOT_FOUND", "TABLE_NOT_FOUND",
                "MISSING_USE_CATALOG", "MISSING_USE_SCHEMA", "MISSING_SELECT", "MISSING_CREATE_SCHEMA",
                "MISSING_PRIVILEGE", "UNITY_CATALOG_NOT_ENABLED", "UNKNOWN", "CREDENTIALS_MISSING", "SERVICE_ERROR",
                "QUERY_INVALID", "UNEXPECTED_WEB_PAGE"),
                java.util.Arrays.stream(Category.values()).map(Enum::name).toList());
    }

    @Test
    void readsBacktickedThreePartNames() {
        Diagnosis d = classify("[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`sales`.`x` cannot be found.");
        assertEquals(Category.TABLE_NOT_FOUND, d.category());
        assertEquals(List.of("main.sales.x"), d.objects());
    }

    @Test
    void keepsDashesInNamesAndDropsQuotes() {
        Diagnosis d = classify("User does not have USE CATALOG on Catalog 'btda-dea'.");
        assertEquals(Category.MISSING_USE_CATALOG, d.category());
        assertEquals(List.of("btda-dea"), d.objects());
        assertEquals("USE CATALOG", d.privilege());
    }

    @Test
    void legacySelectOnTableIsQualifiedWithHiveMetastore() {
        Diagnosis d = classify("Error in SQL statement: SecurityException: User does not have permission SELECT on table `db`.`t`.");
        assertEquals(Category.MISSING_SELECT, d.category());
        assertEquals(List.of("hive_metastore.db.t"), d.objects());
        assertEquals("SELECT", d.privilege());
    }

    @Test
    void legacyUsageOnDatabaseIsMissingUseSchema() {
        Diagnosis d = classify("User does not have USAGE on database `x`.");
        assertEquals(Category.MISSING_USE_SCHEMA, d.category());
        assertEquals(List.of("hive_metastore.x"), d.objects());
        assertEquals("USAGE", d.privilege());
    }

    @Test
    void legacyCreateOnCatalogIsMissingCreateSchemaOnHiveMetastore() {
        Diagnosis d = classify("SecurityException: User does not have permission CREATE on CATALOG.");
        assertEquals(Category.MISSING_CREATE_SCHEMA, d.category());
        assertEquals(List.of("hive_metastore"), d.objects());
    }

    @Test
    void sparkCatalogAliasBecomesHiveMetastore() {
        Diagnosis d = classify("User does not have permission SELECT on table `spark_catalog`.`db`.`t`");
        assertEquals(List.of("hive_metastore.db.t"), d.objects());
    }

    @Test
    void recordsThePrivilegeOfAnyOtherMissingPrivilege() {
        Diagnosis d = classify("PERMISSION_DENIED: User does not have MODIFY on Table 'main.sales.orders'.");
        assertEquals(Category.MISSING_PRIVILEGE, d.category());
        assertEquals("MODIFY", d.privilege());
        assertEquals(List.of("main.sales.orders"), d.objects());
        Diagnosis files = classify("User does not have READ FILES on External Location 'landing'.");
        assertEquals(Category.MISSING_PRIVILEGE, files.category());
        assertEquals("READ FILES", files.privilege());
    }

    @Test
    void listsEveryObjectWhenSeveralPrivilegesAreMissing() {
        Diagnosis d = classify("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE SCHEMA on Schema 'main.a'.\n"
                + "User does not have SELECT on Table 'main.a.t'.");
        assertEquals(Category.MISSING_USE_SCHEMA, d.category());
        assertEquals(List.of("main.a", "main.a.t"), d.objects());
    }

    @Test
    void bareInsufficientPermissionsIsMissingPrivilege() {
        assertEquals(Category.MISSING_PRIVILEGE, classify("[INSUFFICIENT_PERMISSIONS] Insufficient privileges").category());
    }

    @Test
    void ipBlockedExtractsTheAddress() {
        Diagnosis d = classify("Source IP address: 2001:db8::1 is blocked by Databricks IP ACL for workspace: 123");
        assertEquals(Category.IP_BLOCKED, d.category());
        assertEquals(List.of("2001:db8::1"), d.objects());
    }

    @Test
    void unknownHostExceptionChainIsHostNotFoundWithTheHost() {
        SQLException e = new SQLException("Request GET /oidc/.well-known/oauth-authorization-server failed after 4 retries",
                "CONNECTION_ERROR", 700120, new RuntimeException("wrapped", new UnknownHostException("dbc-1234abcd-0000.cloud.databricks.com")));
        Diagnosis d = classifier.classify(e);
        assertEquals(Category.HOST_NOT_FOUND, d.category());
        assertEquals(List.of("dbc-1234abcd-0000.cloud.databricks.com"), d.objects());
    }

    @Test
    void connectExceptionChainIsNetworkUnreachable() {
        SQLException e = new SQLException("Request GET /oidc/.well-known/oauth-authorization-server failed after 4 retries",
                new ConnectException("Connection refused"));
        assertEquals(Category.NETWORK_UNREACHABLE, classifier.classify(e).category());
    }

    @Test
    void exceptionClassNamesCountAsEvidence() {
        assertEquals(Category.TLS_UNTRUSTED, classifier.classify(new SQLException("x", new SSLHandshakeException("handshake"))).category());
        assertEquals(Category.HOST_NOT_FOUND, classifier.classify(new UnknownHostException()).category());
        assertEquals(Category.WAREHOUSE_UNAVAILABLE,
                classifier.classify(new SQLException("fetch", new SocketTimeoutException("Read timed out"))).category());
    }

    @Test
    void driverOAuthFailuresAreInvalidClient() {
        assertEquals(Category.INVALID_CLIENT, classify(
                "[Databricks][JDBCDriver](500593) Communication link failure. default auth: oauth-m2m auth: Failed to refresh credentials: invalid_client").category());
        assertEquals(Category.INVALID_CLIENT, classify("Failed to refresh access token").category());
    }

    @Test
    void droppedDiscoveryBodyIsOAuthNotSupportedHost() {
        NullPointerException npe = new NullPointerException(
                "Cannot invoke \"com.databricks.sdk.core.oauth.OpenIDConnectEndpoints.getTokenEndpoint()\" because \"endpoints\" is null");
        assertEquals(Category.OAUTH_NOT_SUPPORTED_HOST, classifier.classify(new SQLException("Connection failure", npe)).category());
    }

    @Test
    void entraIdSecretIsWrongCredentialKindEvenThoughItSaysInvalidClient() {
        assertEquals(Category.WRONG_CREDENTIAL_KIND, classify(
                "invalid_client: AADSTS7000215: Invalid client secret provided.").category());
    }

    @Test
    void warehouseStatesAndCodes() {
        assertEquals(Category.WAREHOUSE_UNAVAILABLE, classify("Retry failure. HTTP response code: 503").category());
        assertEquals(Category.WAREHOUSE_UNAVAILABLE, classify("Invalid SessionHandle: SessionHandle [abc]").category());
        assertEquals(Category.WAREHOUSE_ACCESS_DENIED,
                classify("Error while establishing a connection to the server (HTTP 403)").category());
        assertEquals(Category.WAREHOUSE_NOT_FOUND, classify("HTTP Response code: 404, Error message: Not Found").category());
    }

    @Test
    void unityCatalogNotEnabled() {
        assertEquals(Category.UNITY_CATALOG_NOT_ENABLED, classify("[UC_NOT_ENABLED] Unity Catalog is not enabled on this cluster.").category());
    }

    @Test
    void unknownKeepsTheTextMasked() {
        Diagnosis d = classify("Something odd happened with Bearer dapi0123456789abcdef0123456789abcdef");
        assertEquals(Category.UNKNOWN, d.category());
        assertTrue(d.rawText().startsWith("Something odd happened"), d.rawText());
        assertFalse(d.rawText().contains("0123456789abcdef"), d.rawText());
    }

    @Test
    void rawTextIsTheServersDisplayMessage() {
        String text = ErrorSamplesTest.thriftWrapper(
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE SCHEMA on Schema 'main.marketing'. SQLSTATE: 42501");
        Diagnosis d = classify(text);
        assertEquals(Category.MISSING_USE_SCHEMA, d.category());
        assertEquals(List.of("main.marketing"), d.objects());
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE SCHEMA on Schema 'main.marketing'. SQLSTATE: 42501",
                d.rawText());
    }

    @Test
    void errorMessageWithoutStackTraceWhenThereIsNoDisplayMessage() {
        var r = ErrorSamplesTest.response("[SCHEMA_NOT_FOUND] The schema `main.x` cannot be found.");
        r.setDisplayMessage(null);
        Diagnosis d = classify("Operation failed with error: [no error details from server] for statement [1], with response [" + r + "]");
        assertEquals(Category.SCHEMA_NOT_FOUND, d.category());
        assertEquals("[SCHEMA_NOT_FOUND] The schema `main.x` cannot be found.", d.rawText());
    }

    @Test
    void masksTheSecretsItWasGiven() {
        Diagnosis d = ErrorClassifier.withSecrets("s3cr3t-value").classify("failed with s3cr3t-value: invalid_client");
        assertEquals(Category.INVALID_CLIENT, d.category());
        assertFalse(d.rawText().contains("s3cr3t-value"));
    }

    @Test
    void nullAndBlankAreUnknown() {
        assertEquals(Category.UNKNOWN, classifier.classify((String) null).category());
        assertEquals(Category.UNKNOWN, classifier.classify((Throwable) null).category());
        assertEquals(Category.UNKNOWN, classify("  ").category());
    }

    @Test
    void survivesCyclicCauseChains() {
        Exception a = new Exception("a");
        Exception b = new Exception("b: Connection refused", a);
        a.addSuppressed(b);
        assertEquals(Category.NETWORK_UNREACHABLE, classifier.classify(a).category());
    }

    private static final List<String> FRAGMENTS = List.of(
            "does not have ", "permission ", "SELECT", "USE SCHEMA", "CREATE", " on ", "Table ", "Catalog ", "schema ",
            "'", "`", "``", ".", "a", "b-c", " ", "\n", "displayMessage:", "errorMessage:", ", diagnosticInfo:", ")]",
            "TGetOperationStatusResp(", "Source IP address: ", " is blocked", "cannot be found", "The table or view ");
    private final RandomText random = new RandomText(42L);

    @Test
    void classifyNeverThrows() {
        RandomText.forAll(1000, () -> random.oneOf(() -> random.anyChars(80), () -> random.anyCodePoints(40)), text -> {
            Diagnosis d = classifier.classify(text);
            assertNotNull(d);
            assertNotNull(d.category());
            new RemediationWriter().write(d, "sp", null, null);
        });
    }

    @Test
    void classifyNeverThrowsOnTextsAroundThePatterns() {
        RandomText.forAll(300, () -> random.fragments(FRAGMENTS, 20), text -> {
            Diagnosis d = classifier.classify(text);
            assertNotNull(d);
            new RemediationWriter().write(d, null, CatalogKind.HIVE_METASTORE, null);
            new RemediationWriter().write(d, "x", CatalogKind.UNITY_CATALOG, "main");
        });
    }

    @Test
    void privilegeIsNullWhenTheTextNamesNone() {
        assertNull(classify("java.net.ConnectException: Connection refused").privilege());
    }
}
