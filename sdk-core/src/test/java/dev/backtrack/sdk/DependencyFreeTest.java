package dev.backtrack.sdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** sdk-core lives inside users' applications: it may use the JDK and nothing else. */
class DependencyFreeTest {
  private static final JavaClasses SDK = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.backtrack.sdk");

  @Test
  void usesOnlyTheJdk() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("dev.backtrack.sdk..", "java..", "javax.net..", "com.sun.management..")
        .check(SDK);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.backtrack.sdk.(*)..").should().beFreeOfCycles().check(SDK);
  }
}
