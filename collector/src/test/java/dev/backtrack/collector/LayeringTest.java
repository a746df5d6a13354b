package dev.backtrack.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pipeline's stages meet on the event bus; only storage talks to the database. */
class LayeringTest {
  private static final JavaClasses COLLECTOR = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.backtrack.collector");

  @Test
  void onlyStorageTouchesJdbc() {
    noClasses().that().resideOutsideOfPackage("..collector.storage..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(COLLECTOR);
  }

  @Test
  void ingestDoesNotReachIntoStorageOrQuery() {
    noClasses().that().resideInAPackage("..collector.ingest..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..collector.storage..", "..collector.query..")
        .check(COLLECTOR);
  }

  @Test
  void theHttpApiAsksTheQueryStageInsteadOfStorage() {
    noClasses().that().resideInAPackage("..collector.http..")
        .should().dependOnClassesThat().resideInAPackage("..collector.storage..")
        .check(COLLECTOR);
  }
}
