package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    @Test
    void masksGivenSecretsVerbatim() {
        assertEquals("secret is ********, again ********",
                SecretMasker.mask("secret is hunter2-xyz, again hunter2-xyz", "hunter2-xyz"));
    }

    @Test
    void masksOAuthSecretsAndPersonalAccessTokensKeepingTheKind() {
        String out = SecretMasker.mask("used dose0123456789abcdef0123456789abcdef and dapi0123456789abcdef0123456789abcdef-2");
        assertEquals("used dose******** and dapi********", out);
    }

    @Test
    void masksAuthorizationHeaderValues() {
        assertEquals("Authorization: Basic ********", SecretMasker.mask("Authorization: Basic MWIyYzNkNGU6ZG9zZWFiY2Q="));
        assertEquals("Authorization: Bearer ********", SecretMasker.mask("Authorization: Bearer abc.def-ghi_jkl"));
    }

    @Test
    void masksJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3gifQ.c2lnbmF0dXJl";
        assertEquals("token ********", SecretMasker.mask("token " + jwt));
        assertEquals("{\"access_token\": \"********\", \"expires_in\": 3600}",
                SecretMasker.mask("{\"access_token\": \"" + jwt + "\", \"expires_in\": 3600}"));
    }

    @Test
    void masksSecretsInJdbcUrls() {
        String out = SecretMasker.mask("jdbc:databricks://h:443;AuthMech=11;OAuth2ClientId=abc;OAuth2Secret=topsecret;httpPath=/sql/1.0/warehouses/1");
        assertTrue(out.contains("OAuth2Secret=********;"), out);
        assertTrue(out.contains("OAuth2ClientId=abc"), out);
        assertFalse(out.contains("topsecret"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "User does not have USE SCHEMA on Schema 'main.marketing'. Invalid access token. dose of reality";
        assertEquals(text, SecretMasker.mask(text));
        assertNull(SecretMasker.mask(null));
        assertEquals("abc", SecretMasker.mask("abc", (String[]) null));
        assertEquals("a b", SecretMasker.mask("a b", "", null, " "));
    }

    @Test
    void masksKeyColonValueWhenTheValueLooksMachineMadeButNotTheProseAfterAColon() {
        assertEquals("client_secret: ********", SecretMasker.mask("client_secret: a1b2c3"));
        assertEquals("password: ********", SecretMasker.mask("password: hunter-two"));
        assertEquals("access_token:********", SecretMasker.mask("access_token:abcdefghijklmnopqrstuvwx"));
        assertEquals("secret = ********", SecretMasker.mask("secret = letters"));
        String prose = "If the test fails, generate a new secret: Settings > Identity and access > Service principals";
        assertEquals(prose, SecretMasker.mask(prose));
    }
}
