package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInScenarioLoadsWithItsOwnNameAndADescription() {
        assertTrue(Scenario.builtInNames().size() >= 11);
        for (String name : Scenario.builtInNames()) {
            Scenario scenario = Scenario.builtIn(name);
            assertEquals(name, scenario.name());
            assertFalse(scenario.description().isBlank(), name);
        }
    }

    @Test
    void unknownBuiltInNameListsTheKnownOnes() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.builtIn("redy"));
        assertTrue(e.getMessage().contains("unknown scenario 'redy'"), e.getMessage());
        assertTrue(e.getMessage().contains("ready, missing-use-schema"), e.getMessage());
    }

    @Test
    void variantInheritsEverythingItDoesNotSetFromItsBase() {
        Scenario slow = Scenario.builtIn("slow");
        assertEquals(Duration.ofSeconds(1), slow.latency());
        assertEquals(Scenario.builtIn("ready").spec().catalogs(), slow.spec().catalogs());
    }

    @Test
    void loadsAScenarioFileWithCommentsAndDefaults() throws Exception {
        Path file = write("""
                { // a minimal workspace
                  "name": "tiny",
                  "catalogs": [ { "name": "dev", "schemas": [ { "name": "s", "tables": [
                      { "name": "t", "columns": [ { "name": "id", "type": "INT" } ], "rows": [[1], [2]] } ] } ] } ],
                  "grants": [ { "on": "CATALOG dev", "privileges": ["ALL PRIVILEGES"] } ]
                }""");
        Scenario scenario = Scenario.fromFile(file);
        assertEquals("tiny", scenario.name());
        assertEquals("RUNNING", scenario.initialWarehouseState());
        assertEquals(Duration.ZERO, scenario.latency());
    }

    @Test
    void fileThatIsNotJsonNamesTheFileAndTheLine() throws Exception {
        Path file = write("{\n  \"name\": \"x\",\n  oops\n}");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromFile(file));
        assertTrue(e.getMessage().startsWith("scenario file " + file + " is not a valid scenario at line 3"),
                e.getMessage());
    }

    @Test
    void misspelledKeyIsRejectedInsteadOfIgnored() throws Exception {
        Path file = write("{ \"name\": \"x\", \"warehouse\": { \"sate\": \"STOPPED\" } }");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromFile(file));
        assertTrue(e.getMessage().contains("\"sate\""), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        Path file = dir.resolve("nope.json");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromFile(file));
        assertTrue(e.getMessage().startsWith("cannot read scenario file " + file + ": NoSuchFileException"),
                e.getMessage());
    }

    @Test
    void grantOnAnObjectThatDoesNotExistIsRejected() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromJson(
                "{ \"name\": \"x\", \"catalogs\": [ { \"name\": \"main\" } ],"
                        + " \"grants\": [ { \"on\": \"SCHEMA main.nope\", \"privileges\": [\"USE SCHEMA\"] } ] }", "test"));
        assertTrue(e.getMessage().contains("grant on \"SCHEMA main.nope\": no such SCHEMA"), e.getMessage());
    }

    @Test
    void legacyPrivilegeOnAUnityCatalogObjectIsRejected() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromJson(
                "{ \"name\": \"x\", \"catalogs\": [ { \"name\": \"main\" } ],"
                        + " \"grants\": [ { \"on\": \"CATALOG main\", \"privileges\": [\"USAGE\"] } ] }", "test"));
        assertTrue(e.getMessage().contains("USAGE is not a Unity Catalog privilege"), e.getMessage());
    }

    @Test
    void rowOfTheWrongWidthIsRejectedWithItsNumber() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromJson(
                "{ \"name\": \"x\", \"catalogs\": [ { \"name\": \"c\", \"schemas\": [ { \"name\": \"s\", \"tables\": ["
                        + " { \"name\": \"t\", \"columns\": [ { \"name\": \"a\", \"type\": \"INT\" } ],"
                        + " \"rows\": [[1], [1, 2]] } ] } ] } ] }", "test"));
        assertTrue(e.getMessage().contains("row 2 of c.s.t has 2 values, expected 1"), e.getMessage());
    }

    @Test
    void valueThatDoesNotFitItsColumnTypeIsRejected() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Scenario.fromJson(
                "{ \"name\": \"x\", \"catalogs\": [ { \"name\": \"c\", \"schemas\": [ { \"name\": \"s\", \"tables\": ["
                        + " { \"name\": \"t\", \"columns\": [ { \"name\": \"d\", \"type\": \"DATE\" } ],"
                        + " \"rows\": [[\"yesterday\"]] } ] } ] } ] }", "test"));
        assertTrue(e.getMessage().contains("value yesterday does not fit column d DATE"), e.getMessage());
    }

    @Test
    void unknownWarehouseStateIsRejected() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> Scenario.fromJson("{ \"name\": \"x\", \"warehouse\": { \"state\": \"ASLEEP\" } }", "test"));
        assertTrue(e.getMessage().contains("warehouse.state must be one of"), e.getMessage());
    }

    @Test
    void baseMustBeABuiltInScenario() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> Scenario.fromJson("{ \"base\": \"nope\", \"name\": \"x\" }", "test"));
        assertTrue(e.getMessage().contains("\"base\" must name a built-in scenario"), e.getMessage());
    }

    @Test
    void testKnobsReturnChangedCopies() {
        Scenario stopped = Scenario.builtIn("stopped-warehouse");
        Scenario quick = stopped.withStartingDelay(Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(100), quick.startingDelay());
        assertEquals(Duration.ofSeconds(15), stopped.startingDelay());
        assertEquals(Duration.ofMillis(5), stopped.withLatency(Duration.ofMillis(5)).latency());
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, json);
        return file;
    }
}
