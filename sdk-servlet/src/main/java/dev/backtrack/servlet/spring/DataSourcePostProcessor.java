package dev.backtrack.servlet.spring;

import dev.backtrack.servlet.jdbc.JdbcInstrumentation;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Instruments every {@link DataSource} bean. Routing data sources (their targets are beans and
 * get instrumented themselves) and the targets of scoped proxies are left alone; a connection
 * is never instrumented twice, so nested data sources count each statement once.
 */
final class DataSourcePostProcessor implements BeanPostProcessor {
  private static final String ROUTING =
      "org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource ds) || beanName.startsWith("scopedTarget.")
        || isRouting(bean.getClass())) {
      return bean;
    }
    return JdbcInstrumentation.wrap(ds);
  }

  private static boolean isRouting(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(ROUTING)) {
        return true;
      }
    }
    return false;
  }
}
