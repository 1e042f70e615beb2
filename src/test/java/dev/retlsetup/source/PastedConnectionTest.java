package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PastedConnectionTest {
    static final String HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String PATH = "/sql/1.0/warehouses/abcdef0123456789";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // the documented JDBC form
        "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/abcdef0123456789;|dbc-a1b2c3d4-e5f6.cloud.databricks.com|443|/sql/1.0/warehouses/abcdef0123456789",
        // keys in any case, no trailing semicolon, extra spaces and quotes
        "\"jdbc:databricks://DBC-A1B2C3D4-E5F6.cloud.databricks.com:443/default;HTTPPath=/sql/1.0/warehouses/abcdef0123456789\"|dbc-a1b2c3d4-e5f6.cloud.databricks.com|443|/sql/1.0/warehouses/abcdef0123456789",
        "JDBC:Databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default; httppath = /sql/1.0/warehouses/abcdef0123456789 ;ssl=1|dbc-a1b2c3d4-e5f6.cloud.databricks.com|443|/sql/1.0/warehouses/abcdef0123456789",
        // no port, no /default
        "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com;httpPath=/sql/1.0/warehouses/abcdef0123456789|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|/sql/1.0/warehouses/abcdef0123456789",
        // legacy Simba form, with a password that must be ignored
        "jdbc:spark://adb-1234567890123456.7.azuredatabricks.net:443/default;transportMode=http;ssl=1;httpPath=sql/1.0/endpoints/abcdef0123456789;AuthMech=3;UID=token;PWD=dapi0123|adb-1234567890123456.7.azuredatabricks.net|443|sql/1.0/endpoints/abcdef0123456789",
        "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443|dbc-a1b2c3d4-e5f6.cloud.databricks.com|443|null",
        // browser addresses
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=123456789#notebook/1|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|null",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/sql/warehouses/abcdef0123456789?o=123|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|/sql/1.0/warehouses/abcdef0123456789",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/sql/warehouses/abcdef0123456789/connection-details?o=123|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|/sql/1.0/warehouses/abcdef0123456789",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/sql/1.0/warehouses/abcdef0123456789|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|/sql/1.0/warehouses/abcdef0123456789",
        "https://adb-1234567890123456.7.azuredatabricks.net:443/sql/endpoints/abcdef0123456789|adb-1234567890123456.7.azuredatabricks.net|443|/sql/1.0/warehouses/abcdef0123456789",
        "http://localhost:8443/|localhost|8443|null",
        "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/compute/clusters/0123-456789-abc|dbc-a1b2c3d4-e5f6.cloud.databricks.com|null|null",
    })
    void recognizesJdbcUrlsAndBrowserAddresses(String text, String host, Integer port, String httpPath) {
        Optional<ConnectionParts> parts = PastedConnection.parse(text);
        assertTrue(parts.isPresent(), text);
        assertEquals(new ConnectionParts(host, port, httpPath), parts.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", HOST, PATH, "dose0123", "jdbc:mysql://db:3306/x", "jdbc:databricks:", "https://",
        "https://:443/", "jdbc:databricks://host:abc/default", "ftp://host/x"})
    void leavesPlainTextAlone(String text) {
        assertFalse(PastedConnection.parse(text).isPresent(), text);
    }

    @Test
    void parseOfNullIsEmpty() {
        assertFalse(PastedConnection.parse(null).isPresent());
    }

    @Test
    void neverReturnsCredentialsFromTheUrl() {
        ConnectionParts parts = PastedConnection.parse("jdbc:databricks://" + HOST
                + ":443/default;AuthMech=11;Auth_Flow=1;OAuth2ClientId=abc;OAuth2Secret=dose0123456789abcdef;httpPath="
                + PATH).orElseThrow();
        assertFalse(parts.toString().contains("dose0123456789abcdef"));
    }

    @Test
    void appliesPartsToTheForm() {
        SourceInput input = PastedConnection.parse("jdbc:databricks://" + HOST + ":443/default;httpPath=" + PATH)
                .orElseThrow().applyTo(SourceInput.empty().with(Field.CLIENT_ID, "keep"));
        assertEquals(HOST, input.host());
        assertEquals("443", input.port());
        assertEquals(PATH, input.httpPath());
        assertEquals("keep", input.clientId());
    }
}
