package dev.retlsetup;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules, checked on the compiled main classes (the {@link ArchTest} rules, run by ArchUnit's
 * JUnit engine). ArchUnit reads bytecode, so a compile-time constant ({@code static final} String or
 * number) used from another package leaves no trace and is not seen; every other use of a class is,
 * imported or written out in full. For the demo, where sharing a constant is the likely slip, its
 * import lines are checked too ({@link #demoSourcesImportNothingOfTheApplication}, run by JUnit Jupiter).
 */
@AnalyzeClasses(packages = "dev.retlsetup", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String UI = "dev.retlsetup.ui..";
    private static final String[] JAVA_FX = {"javafx..", "org.controlsfx.."};
    private static final String[] CORE = {"dev.retlsetup.source..", "dev.retlsetup.check..",
        "dev.retlsetup.diagnose..", "dev.retlsetup.store..", "dev.retlsetup.cli..", "dev.retlsetup.model..",
        "dev.retlsetup.report..", "dev.retlsetup.i18n..", "dev.retlsetup.admin.."};
    private static final Pattern APP_IMPORT = Pattern.compile("\\s*import\\s+(static\\s+)?dev\\.retlsetup\\..*");
    private static final Pattern DEMO_IMPORT = Pattern.compile("\\s*import\\s+(static\\s+)?dev\\.retlsetup\\.demo\\..*");

    @ArchTest
    static final ArchRule javaFxOnlyInUi = noClasses().that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(JAVA_FX)
            .because("the command line and the core run without JavaFX (Main links it only to open the wizard)");

    @ArchTest
    static final ArchRule corePackagesNeverDependOnUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("the wizard is one client of the core; the command line is the other");

    @ArchTest
    static final ArchRule sourceNeverDependsOnCheck = noClasses().that().resideInAPackage("dev.retlsetup.source..")
            .should().dependOnClassesThat().resideInAPackage("dev.retlsetup.check..")
            .because("validating what was typed is offline; the connection checks build on it, not the reverse");

    @ArchTest
    static final ArchRule demoDependsOnNothingOfTheApplication = noClasses().that().resideInAPackage("dev.retlsetup.demo..")
            .should().dependOnClassesThat(resideInAPackage("dev.retlsetup..").and(not(resideInAPackage("dev.retlsetup.demo.."))))
            .because("the demo workspace is a peer on the wire: it must not reach into the application it is testing");

    @ArchTest
    static final ArchRule modelNeverDependsOnStoreCliOrDemo = noClasses().that().resideInAPackage("dev.retlsetup.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.retlsetup.store..", "dev.retlsetup.cli..",
                    "dev.retlsetup.demo..")
            .because("the model checks are shared by the wizard and the command line and talk to a workspace only");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.retlsetup.(*)..")
            .should().beFreeOfCycles();

    @Test
    void demoSourcesImportNothingOfTheApplication() throws IOException {
        Path sources = Path.of("src/main/java/dev/retlsetup/demo");
        assertTrue(Files.isDirectory(sources), "run from the project directory");
        List<String> offending;
        try (Stream<Path> files = Files.walk(sources)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(line -> APP_IMPORT.matcher(line).matches() && !DEMO_IMPORT.matcher(line).matches())
                            .map(line -> f.getFileName() + ": " + line.trim());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
    }
}
