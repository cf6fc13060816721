package dev.rootline.engine.event;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is pure: no framework, persistence, HTTP or index classes, so it runs and tests anywhere. */
class EngineBoundaryTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rootline");

    @Test
    void theEngineImportsNoAdapterOrFramework() {
        noClasses().that().resideInAPackage("dev.rootline.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..", "io.vertx..",
                        "org.apache.lucene..", "java.net.http..", "io.micrometer..", "org.jboss..",
                        "dev.rootline.ingest..", "dev.rootline.search..", "dev.rootline.app..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotReadTheClock() {
        noClasses().that().resideInAPackage("dev.rootline.engine..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }
}
