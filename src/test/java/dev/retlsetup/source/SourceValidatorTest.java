package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceValidatorTest {
    static final String AWS_HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String AZURE_HOST = "adb-1234567890123456.7.azuredatabricks.net";
    static final String PATH = "/sql/1.0/warehouses/abcdef0123456789";
    static final String CLIENT_ID = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";
    static final String PAT = "dapi0123456789abcdef0123456789abcdef";
    static final String ENTRA = "Abc8Q~mNoPqRsTuVwXyZ0123456789abcdefGhIj";

    static SourceInput good() {
        return new SourceInput(AWS_HOST, PATH, "443", CLIENT_ID, SECRET, "main", "main.sales");
    }

    static List<String> keys(Validation v, Field field) {
        return v.findingsFor(field).stream().map(Finding::key).collect(Collectors.toList());
    }

    static List<String> keys(FieldResult<?> r) {
        return r.findings().stream().map(Finding::key).collect(Collectors.toList());
    }

    static Finding only(FieldResult<?> r) {
        assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
        return r.findings().get(0);
    }

    // ------------------------------------------------------------------ whole form

    @Test
    void acceptsAWellFormedSource() {
        Validation v = SourceValidator.validate(good());
        assertTrue(v.valid(), () -> v.findings().toString());
        assertEquals(List.of(), v.findings());
        SourceSettings s = v.settings();
        assertEquals(AWS_HOST, s.host());
        assertEquals(PATH, s.httpPath());
        assertEquals(443, s.port());
        assertEquals(CLIENT_ID, s.clientId());
        assertEquals(SECRET, s.secret());
        assertEquals("main", s.catalog());
        assertEquals(List.of("main.sales"), s.schemas());
        assertEquals("abcdef0123456789", s.warehouseId());
        assertEquals(Cloud.AWS, s.cloud());
    }

    @Test
    void normalizesWhatUsersTypicallyPaste() {
        SourceInput messy = new SourceInput(" https://DBC-A1B2C3D4-E5F6.cloud.databricks.com/?o=123#workspace ",
                "sql/1.0/warehouses/abcdef0123456789/", "", " " + CLIENT_ID.toUpperCase(Locale.ROOT) + "\n",
                SECRET + "\n", "`main`", "main.sales,\nmain.marketing  main.sales");
        Validation v = SourceValidator.validate(messy);
        assertTrue(v.valid(), () -> v.findings().toString());
        assertEquals(new SourceSettings(AWS_HOST, PATH, 443, CLIENT_ID, SECRET, "main",
                List.of("main.sales", "main.marketing")).toString(), v.settings().toString());
        assertEquals(SECRET, v.settings().secret());
    }

    @Test
    void validationNeverThrowsOnNullOrEmpty() {
        Validation v = SourceValidator.validate(null);
        assertFalse(v.valid());
        Validation e = SourceValidator.validate(SourceInput.empty());
        assertEquals(List.of("host.required"), keys(e, Field.HOST));
        assertEquals(List.of("path.required"), keys(e, Field.HTTP_PATH));
        assertEquals(List.of(), keys(e, Field.PORT));
        assertEquals(443, e.settings().port());
        assertEquals(List.of("clientId.required"), keys(e, Field.CLIENT_ID));
        assertEquals(List.of("secret.required"), keys(e, Field.SECRET));
        assertEquals(List.of(), keys(e, Field.CATALOG));
        assertEquals(List.of("schemas.required"), keys(e, Field.SCHEMAS));
        assertNull(e.settings().secret());
        assertNull(e.settings().catalog());
    }

    @Test
    void findingsAreWordedFromTheBundleWithFixes() {
        Validation e = SourceValidator.validate(SourceInput.empty());
        for (Finding f : e.findings()) {
            assertNotEquals(f.key(), f.message(), "missing bundle text for " + f.key());
            assertNotNull(f.suggestedFix(), "missing fix for " + f.key());
        }
    }

    // ------------------------------------------------------------------ host

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/|dbc-a1b2c3d4-e5f6.cloud.databricks.com",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=123456789#notebook/99|dbc-a1b2c3d4-e5f6.cloud.databricks.com",
        "https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456|adb-1234567890123456.7.azuredatabricks.net",
        "adb-1234567890123456.7.azuredatabricks.net/sql/warehouses/abc?o=1|adb-1234567890123456.7.azuredatabricks.net",
        "  DBC-A1B2C3D4-E5F6.Cloud.Databricks.COM.  |dbc-a1b2c3d4-e5f6.cloud.databricks.com",
        "\"https://1234567890123456.7.gcp.databricks.com\"|1234567890123456.7.gcp.databricks.com",
        "https://token@dbc-a1b2c3d4-e5f6.cloud.databricks.com|dbc-a1b2c3d4-e5f6.cloud.databricks.com",
        "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;httpPath=/sql/1.0/warehouses/x|dbc-a1b2c3d4-e5f6.cloud.databricks.com",
    })
    void stripsBrowserQueryFromHost(String raw, String expected) {
        FieldResult<String> r = SourceValidator.host(raw);
        assertEquals(expected, r.normalized());
        assertEquals(expected, r.value());
        assertTrue(r.findings().isEmpty(), () -> r.findings().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dbc-a1b2c3d4-e5f6.cloud.databricks.com|AWS",
        "mycompany.cloud.databricks.com|AWS",
        "dbc-a1b2c3d4-e5f6.cloud.databricks.us|AWS_GOV",
        "adb-1234567890123456.7.azuredatabricks.net|AZURE",
        "adb-1234567890123456.7.databricks.azure.us|AZURE_GOV",
        "adb-1234567890123456.7.databricks.azure.cn|AZURE_CHINA",
        "1234567890123456.7.gcp.databricks.com|GCP",
        "localhost|LOCAL",
        "127.0.0.1|LOCAL",
        "databricks.example.internal|UNKNOWN",
    })
    void detectsCloudFromSuffix(String host, Cloud cloud) {
        assertEquals(cloud, Cloud.of(host));
        assertFalse(cloud.displayName().startsWith("cloud."), "display name from the bundle");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "accounts.cloud.databricks.com",
        "https://accounts.cloud.databricks.com/login?account_id=abc",
        "accounts.azuredatabricks.net",
        "accounts.gcp.databricks.com",
        "accounts.cloud.databricks.us",
        "accounts-dod.cloud.databricks.us",
        "ACCOUNTS.CLOUD.DATABRICKS.COM",
    })
    void rejectsAccountConsoleHost(String host) {
        Finding f = only(SourceValidator.host(host));
        assertEquals("host.accountConsole", f.key());
        assertTrue(f.isError());
        assertTrue(f.message().contains("account console"));
        assertTrue(f.message().contains("service principals"));
        assertTrue(f.suggestedFix().contains("dbc-1234abcd-5678.cloud.databricks.com"));
        assertTrue(f.suggestedFix().contains("adb-123456789.12.azuredatabricks.net"));
        assertTrue(f.suggestedFix().contains("Connection details"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dbc 1234.cloud.databricks.com|host.containsSpace",
        "dbc\u200b1234.cloud.databricks.com|host.containsSpace",
        "dbc_1234.cloud.databricks.com|host.invalidCharacters",
        "dbc-1234.cloud.databricks.com:abc|host.invalidCharacters",
        "dbc-ä.cloud.databricks.com|host.invalidCharacters",
        "dbc..cloud.databricks.com|host.emptyLabel",
        ".cloud.databricks.com|host.emptyLabel",
        "-dbc.cloud.databricks.com|host.badHyphen",
        "dbc-.cloud.databricks.com|host.badHyphen",
        "cloud.databricks.com|host.incomplete",
        "azuredatabricks.net|host.incomplete",
    })
    void rejectsMalformedHost(String host, String key) {
        Finding f = only(SourceValidator.host(host));
        assertEquals(key, f.key());
        assertTrue(f.isError());
    }

    @Test
    void rejectsOverlongHostAndLabel() {
        assertEquals("host.labelTooLong", only(SourceValidator.host("a".repeat(64) + ".cloud.databricks.com")).key());
        String longHost = ("a".repeat(60) + ".").repeat(5) + "cloud.databricks.com";
        assertEquals("host.tooLong", only(SourceValidator.host(longHost)).key());
    }

    @Test
    void requiresHost() {
        assertEquals("host.required", only(SourceValidator.host("   ")).key());
        assertEquals("host.required", only(SourceValidator.host(null)).key());
    }

    @Test
    void warnsButAcceptsUnknownSuffix() {
        FieldResult<String> r = SourceValidator.host("databricks.corp.example.com");
        Finding f = only(r);
        assertEquals("host.unknownSuffix", f.key());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(r.valid());
        assertEquals("databricks.corp.example.com", r.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "http://localhost:8443/", "LOCALHOST"})
    void acceptsLocalhostWithoutWarning(String host) {
        FieldResult<String> r = SourceValidator.host(host);
        assertTrue(r.findings().isEmpty(), () -> r.findings().toString());
        assertTrue(r.value().equals("localhost") || r.value().equals("127.0.0.1"));
    }

    @Test
    void acceptsDemoWorkspaceOnAnotherPortWithoutWarnings() {
        Validation v = SourceValidator.validate(good().with(Field.HOST, "localhost").with(Field.PORT, "8443"));
        assertTrue(v.findings().isEmpty(), () -> v.findings().toString());
        assertEquals(8443, v.settings().port());
    }

    @Test
    void movesPortFromHostToEmptyPortField() {
        Validation v = SourceValidator.validate(good().with(Field.HOST, AWS_HOST + ":8443").with(Field.PORT, ""));
        assertEquals(AWS_HOST, v.settings().host());
        assertEquals(8443, v.settings().port());
        assertEquals(List.of("host.portMoved"), keys(v, Field.HOST));
        assertTrue(v.valid());
        assertEquals("8443", SourceValidator.normalize(good().with(Field.HOST, AWS_HOST + ":8443").with(Field.PORT, "")).port());
    }

    @Test
    void takesPort443FromHostSilently() {
        Validation v = SourceValidator.validate(good().with(Field.HOST, "https://" + AWS_HOST + ":443/").with(Field.PORT, ""));
        assertEquals(List.of(), v.findings());
        assertEquals(443, v.settings().port());
    }

    @Test
    void rejectsPortInHostThatContradictsPortField() {
        Validation v = SourceValidator.validate(good().with(Field.HOST, AWS_HOST + ":8443").with(Field.PORT, "443"));
        assertEquals(List.of("host.portConflict"), keys(v, Field.HOST));
        assertFalse(v.valid());
        assertTrue(v.findingsFor(Field.HOST).get(0).message().contains("8443"));
    }

    @Test
    void samePortInHostAndPortFieldIsFine() {
        Validation v = SourceValidator.validate(good().with(Field.HOST, AWS_HOST + ":443").with(Field.PORT, "443"));
        assertEquals(List.of(), v.findings());
    }

    @Test
    void spreadsJdbcUrlPastedInHostOverEmptyFields() {
        SourceInput in = good().with(Field.HOST, "jdbc:databricks://" + AWS_HOST
                + ":443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/abcdef0123456789;")
                .with(Field.HTTP_PATH, "").with(Field.PORT, "");
        SourceInput n = SourceValidator.normalize(in);
        assertEquals(AWS_HOST, n.host());
        assertEquals(PATH, n.httpPath());
        assertEquals("443", n.port());
        assertTrue(SourceValidator.validate(in).valid());
    }

    // ------------------------------------------------------------------ HTTP path

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/sql/1.0/warehouses/abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
        "sql/1.0/warehouses/abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
        "  /sql/1.0/warehouses/abcdef0123456789/  |/sql/1.0/warehouses/abcdef0123456789",
        "//sql//1.0/warehouses/abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
        "/SQL/1.0/Warehouses/abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
        "abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
        "/sql/warehouses/abcdef0123456789/monitoring?o=123|/sql/1.0/warehouses/abcdef0123456789",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/sql/warehouses/abcdef0123456789?o=1|/sql/1.0/warehouses/abcdef0123456789",
        "jdbc:databricks://h.cloud.databricks.com:443/default;HTTPPath=/sql/1.0/warehouses/abcdef0123456789|/sql/1.0/warehouses/abcdef0123456789",
    })
    void addsMissingLeadingSlashAndAcceptsWarehousePaths(String raw, String expected) {
        FieldResult<String> r = SourceValidator.httpPath(raw);
        assertEquals(expected, r.value());
        assertTrue(r.findings().isEmpty(), () -> r.findings().toString());
    }

    @Test
    void renamesLegacyEndpointPathWithAWarning() {
        FieldResult<String> r = SourceValidator.httpPath("sql/1.0/endpoints/abcdef0123456789");
        assertEquals(PATH, r.value());
        Finding f = only(r);
        assertEquals("path.legacyEndpoint", f.key());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(r.valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh",
        "/sql/protocolv1/o/0/0123-456789-abcdefgh",
        "jdbc:spark://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;transportMode=http;ssl=1;httpPath=sql/protocolv1/o/123/0123-456789-abcdefgh;AuthMech=3",
    })
    void rejectsClusterPath(String raw) {
        Finding f = only(SourceValidator.httpPath(raw));
        assertEquals("path.cluster", f.key());
        assertTrue(f.isError());
        assertTrue(f.message().contains("SQL warehouse"));
        assertTrue(f.suggestedFix().contains("SQL Warehouses > your warehouse > Connection details"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/2.0/sql/warehouses/abcdef0123456789|path.unrecognized",
        "/sql/1.0/foo/abcdef0123456789|path.unrecognized",
        "warehouse|path.unrecognized",
        "/sql/1.0/warehouses/abc/def|path.badWarehouseId",
        "/sql/1.0/warehouses/abc def|path.badWarehouseId",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=123|path.webAddress",
        "   |path.required",
    })
    void rejectsOtherPathShapes(String raw, String key) {
        Finding f = only(SourceValidator.httpPath(raw));
        assertEquals(key, f.key());
        assertTrue(f.isError());
    }

    @Test
    void warnsOnUnusualWarehouseId() {
        FieldResult<String> r = SourceValidator.httpPath("/sql/1.0/warehouses/abc123");
        assertEquals("path.unusualWarehouseId", only(r).key());
        assertTrue(r.valid());
    }

    // ------------------------------------------------------------------ port

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|443", "'  '|443", "443|443", " 443 |443", "0443|443", "1|1", "65535|65535"})
    void defaultsPortTo443AndAcceptsValidPorts(String raw, int expected) {
        FieldResult<Integer> r = SourceValidator.port(raw);
        assertEquals(expected, r.value());
        assertTrue(r.findings().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|port.invalid", "44 3|port.invalid", "-1|port.invalid", "4.43|port.invalid", "٤٤٣|port.invalid",
        "0|port.outOfRange", "65536|port.outOfRange", "99999999999999|port.outOfRange",
    })
    void rejectsBadPorts(String raw, String key) {
        assertEquals(key, only(SourceValidator.port(raw)).key());
    }

    @Test
    void warnsOnUnusualPortForCloudWorkspace() {
        Validation v = SourceValidator.validate(good().with(Field.PORT, "8443"));
        assertEquals(List.of("port.unusual"), keys(v, Field.PORT));
        assertTrue(v.valid());
    }

    // ------------------------------------------------------------------ client ID

    @ParameterizedTest
    @ValueSource(strings = {CLIENT_ID, " 1B2C3D4E-5F60-7182-93A4-B5C6D7E8F901 ", "{1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901}"})
    void acceptsApplicationIdAsClientId(String raw) {
        FieldResult<String> r = SourceValidator.clientId(raw);
        assertEquals(CLIENT_ID, r.value());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void explainsNumericClientId() {
        Finding f = only(SourceValidator.clientId("1234567890123456"));
        assertEquals("clientId.numeric", f.key());
        assertTrue(f.message().contains("numeric ID"));
        assertTrue(f.message().contains("application ID"));
        assertTrue(f.suggestedFix().contains("Settings > Identity and access > Service principals"));
        assertTrue(f.suggestedFix().contains("Application ID"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        SECRET + "|clientId.looksLikeSecret",
        PAT + "|clientId.looksLikeToken",
        "segment-sp@example.com|clientId.looksLikeEmail",
        "1b2c3d4e5f60718293a4b5c6d7e8f901|clientId.missingDashes",
        "segment-reverse-etl|clientId.notUuid",
        "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f9|clientId.notUuid",
        "' '|clientId.required",
    })
    void explainsWrongKindsOfClientId(String raw, String key) {
        Finding f = only(SourceValidator.clientId(raw));
        assertEquals(key, f.key());
        assertTrue(f.isError());
        assertFalse(f.message().contains(SECRET) || f.message().contains(PAT));
    }

    @Test
    void suggestsDashedClientIdWhenDashesAreMissing() {
        Finding f = only(SourceValidator.clientId("1b2c3d4e5f60718293a4b5c6d7e8f901"));
        assertTrue(f.suggestedFix().contains(CLIENT_ID));
    }

    // ------------------------------------------------------------------ secret

    @ParameterizedTest
    @ValueSource(strings = {SECRET, "  " + SECRET + "\n", "dose0123456789abcdef"})
    void acceptsOAuthSecretAndTrimsWhitespace(String raw) {
        FieldResult<String> r = SourceValidator.secret(raw);
        assertTrue(r.findings().isEmpty());
        assertEquals(raw.strip(), r.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {PAT, PAT + "-2", "DAPI0123456789ABCDEF0123456789ABCDEF"})
    void rejectsPersonalAccessToken(String raw) {
        Finding f = only(SourceValidator.secret(raw));
        assertEquals("secret.personalAccessToken", f.key());
        assertTrue(f.isError());
        assertTrue(f.message().contains("personal access token"));
        assertTrue(f.suggestedFix().contains("Secrets"));
        assertTrue(f.suggestedFix().contains("Generate secret"));
    }

    @Test
    void rejectsEntraIdClientSecret() {
        Finding f = only(SourceValidator.secret(ENTRA));
        assertEquals("secret.entraSecret", f.key());
        assertTrue(f.message().contains("Microsoft Entra"));
        assertTrue(f.isError());
    }

    @Test
    void explainsClientIdPastedAsSecret() {
        Finding f = only(SourceValidator.secret(CLIENT_ID));
        assertEquals("secret.looksLikeClientId", f.key());
        assertTrue(f.isError());
    }

    @Test
    void warnsButAcceptsUnexpectedSecretShape() {
        FieldResult<String> r = SourceValidator.secret("s3cr3t-value-from-a-vault");
        assertEquals("secret.unexpectedShape", only(r).key());
        assertEquals(Severity.WARNING, only(r).severity());
        assertTrue(r.valid());
    }

    @Test
    void rejectsSecretBrokenByALineBreak() {
        assertEquals("secret.whitespace", only(SourceValidator.secret("dose0123456789\nabcdef")).key());
    }

    @Test
    void requiresSecret() {
        assertEquals("secret.required", only(SourceValidator.secret(" \t")).key());
    }

    @Test
    void messagesNeverContainTheSecret() {
        String[] secrets = {SECRET, PAT, ENTRA, "weird-secret-value-123", CLIENT_ID + "x"};
        for (String secret : secrets) {
            // The secret typed in every field, including the wrong ones.
            for (Field field : Field.values()) {
                SourceInput in = good().withSecret(secret).with(field, field == Field.SECRET ? secret : secret);
                for (Finding f : SourceValidator.validate(in).findings()) {
                    assertFalse(f.message().contains(secret), f.toString());
                    assertFalse(f.suggestedFix() != null && f.suggestedFix().contains(secret), f.toString());
                }
            }
        }
    }

    @Test
    void toStringMasksTheSecret() {
        Validation v = SourceValidator.validate(good());
        assertFalse(v.settings().toString().contains(SECRET));
        assertFalse(v.toString().contains(SECRET));
        assertFalse(good().toString().contains(SECRET));
        assertTrue(v.settings().toString().contains("****"));
    }

    // ------------------------------------------------------------------ catalog

    @Test
    void catalogIsOptional() {
        FieldResult<String> r = SourceValidator.catalog("  ");
        assertNull(r.value());
        assertTrue(r.findings().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"main|main", "`main`|main", "Main|main", "` sales_2024 `|sales_2024"})
    void stripsBackticksFromCatalog(String raw, String expected) {
        FieldResult<String> r = SourceValidator.catalog(raw);
        assertEquals(expected, r.value());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void notesThatHyphenatedCatalogNeedsBackticks() {
        FieldResult<String> r = SourceValidator.catalog("`my-catalog`");
        assertEquals("my-catalog", r.value());
        assertEquals("catalog.hyphen", only(r).key());
        assertEquals(Severity.WARNING, only(r).severity());
    }

    @Test
    void warnsThatHiveMetastoreMeansLegacyPermissions() {
        FieldResult<String> r = SourceValidator.catalog("hive_metastore");
        assertEquals("catalog.hiveMetastore", only(r).key());
        assertTrue(r.valid());
        Validation v = SourceValidator.validate(good().with(Field.CATALOG, "hive_metastore").with(Field.SCHEMAS, "hive_metastore.default"));
        assertEquals(List.of(), keys(v, Field.SCHEMAS), "said once, on the catalog");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"main.sales|catalog.hasDot", "my catalog|catalog.invalid", "a$b|catalog.invalid"})
    void rejectsInvalidCatalog(String raw, String key) {
        assertEquals(key, only(SourceValidator.catalog(raw)).key());
    }

    // ------------------------------------------------------------------ schemas

    @Test
    void splitsSchemasOnCommasNewlinesAndSpacesAndDropsDuplicates() {
        FieldResult<List<String>> r = SourceValidator.schemas(" main.sales,main.marketing\nanalytics  Main.Sales;`my-cat`.`x` ");
        assertEquals(List.of("main.sales", "main.marketing", "analytics", "my-cat.x"), r.value());
        assertEquals("main.sales, main.marketing, analytics, my-cat.x", r.normalized());
        assertEquals(List.of("schemas.hyphen"), keys(r));
    }

    @Test
    void requiresAtLeastOneSchema() {
        assertEquals("schemas.required", only(SourceValidator.schemas(" , \n")).key());
        Validation lenient = SourceValidator.validate(good().with(Field.SCHEMAS, ""), false);
        assertEquals(List.of("schemas.none"), keys(lenient, Field.SCHEMAS));
        assertTrue(lenient.valid());
        assertFalse(SourceValidator.validate(good().with(Field.SCHEMAS, "")).valid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main.sales.orders|schemas.tooManyParts",
        "main.|schemas.emptyPart",
        ".sales|schemas.emptyPart",
        "main.sal$es|schemas.invalid",
        "*|schemas.invalid",
    })
    void rejectsInvalidSchemaNames(String raw, String key) {
        Finding f = only(SourceValidator.schemas(raw));
        assertEquals(key, f.key());
        assertTrue(f.isError());
    }

    @Test
    void explainsTableNameGivenAsSchema() {
        Finding f = only(SourceValidator.schemas("main.sales.orders"));
        assertTrue(f.message().contains("main.sales"));
    }

    @Test
    void warnsWhenManagedSchemaIsListed() {
        FieldResult<List<String>> r = SourceValidator.schemas("main.__segment_reverse_etl, main.sales");
        assertEquals(List.of("schemas.managedSchema"), keys(r));
    }

    // ------------------------------------------------------------------ normalize

    @Test
    void normalizeIsIdempotentOnTypicalInput() {
        SourceInput messy = new SourceInput("https://DBC-A1B2C3D4-E5F6.cloud.databricks.com:443/?o=1", "",
                "", "{" + CLIENT_ID + "}", " " + SECRET, "`Main`", "a, b\nA");
        SourceInput once = SourceValidator.normalize(messy);
        assertEquals(once, SourceValidator.normalize(once));
        assertEquals("443", once.port());
        assertEquals("main", once.catalog());
        assertEquals("a, b", once.schemas());
    }

    @Test
    void warehouseIdIsDerivedFromThePath() {
        assertEquals("abcdef0123456789", new SourceSettings(AWS_HOST, PATH, 443, CLIENT_ID, null, null, null).warehouseId());
        assertNull(new SourceSettings(AWS_HOST, "/sql/protocolv1/o/1/2", 443, CLIENT_ID, null, null, null).warehouseId());
        assertNull(new SourceSettings(AWS_HOST, null, 443, CLIENT_ID, null, null, null).warehouseId());
    }
}
