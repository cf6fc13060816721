package dev.rootline.engine.event;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure: no framework, JDBC, persistence, HTTP or index classes and none of the adapters around it, so
 * it runs and tests anywhere.
 */
class EngineBoundaryTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rootline");

    @Test
    void theEngineImportsNoAdapterOrFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.rootline.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax.persistence..",
                        "org.hibernate..",
                        "io.vertx..",
                        "org.apache.lucene..",
                        "java.net.http..",
                        "io.micrometer..",
                        "org.jboss..",
                        "java.sql..",
                        "javax.sql..",
                        "dev.rootline.analyze..",
                        "dev.rootline.app..",
                        "dev.rootline.incident..",
                        "dev.rootline.ingest..",
                        "dev.rootline.notify..",
                        "dev.rootline.report..",
                        "dev.rootline.search..",
                        "dev.rootline.security..",
                        "dev.rootline.signature..",
                        "dev.rootline.source..",
                        "dev.rootline.template..",
                        "dev.rootline.verdict..",
                        "dev.rootline.web..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotReadTheClock() {
        noClasses()
                .that()
                .resideInAPackage("dev.rootline.engine..")
                .should()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .check(classes);
    }
}
