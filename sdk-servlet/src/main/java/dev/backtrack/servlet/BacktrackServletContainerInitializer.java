package dev.backtrack.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link BacktrackFilter} in a WAR without any configuration, first in the chain.
 * Skipped when the filter is registered already (web.xml, annotations, Spring Boot) or when the
 * context parameter or system property {@code backtrack.auto-register} is {@code false}.
 */
public final class BacktrackServletContainerInitializer implements ServletContainerInitializer {
  /** The filter's registration name. */
  public static final String FILTER_NAME = "backtrack";

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    String off = context.getInitParameter("backtrack.auto-register");
    if (off == null) {
      off = System.getProperty("backtrack.auto-register");
    }
    if ("false".equalsIgnoreCase(off == null ? null : off.trim())) {
      return;
    }
    for (FilterRegistration existing : context.getFilterRegistrations().values()) {
      if (BacktrackFilter.class.getName().equals(existing.getClassName())) {
        return;
      }
    }
    FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, BacktrackFilter.class);
    if (filter == null) {
      return; // a filter of that name exists
    }
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
  }
}
