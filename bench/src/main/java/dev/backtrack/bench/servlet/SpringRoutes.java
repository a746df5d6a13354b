package dev.backtrack.bench.servlet;

import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The sample app's paths served by Spring MVC, as a Spring Boot web application serves them:
 * {@code @RestController}s answering JSON through Jackson, a {@code JdbcTemplate} on the
 * database, and behind the filters Boot registers by default (character encoding, form
 * content, request context), in Boot's order and after the SDK's filter when there is one.
 */
final class SpringRoutes implements ServletSampleApp.Routes {
  @Override
  public void install(ServletContextHandler context, DataSource users) {
    AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
    spring.register(Web.class);
    JdbcTemplate jdbc = new JdbcTemplate(users);
    spring.addBeanFactoryPostProcessor(beans -> beans.registerSingleton("jdbcTemplate", jdbc));
    CharacterEncodingFilter encoding = new CharacterEncodingFilter("UTF-8");
    encoding.setForceRequestEncoding(true);
    addFilter(context, encoding);
    addFilter(context, new FormContentFilter());
    addFilter(context, new RequestContextFilter());
    ServletHolder dispatcher = new ServletHolder(new DispatcherServlet(spring));
    dispatcher.setInitOrder(1);
    dispatcher.setAsyncSupported(true);
    context.addServlet(dispatcher, "/");
  }

  private static void addFilter(ServletContextHandler context, jakarta.servlet.Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", java.util.EnumSet.allOf(jakarta.servlet.DispatcherType.class));
  }

  /** The MVC configuration: annotated controllers, message converters found on the classpath. */
  @Configuration
  @EnableWebMvc
  static class Web {
    @Bean
    Items items() {
      return new Items();
    }

    @Bean
    Users users(JdbcTemplate users) {
      return new Users(users);
    }
  }

  @RestController
  static class Items {
    @GetMapping("/api/items/{id}")
    Map<String, Object> item(@PathVariable("id") String id) {
      return Map.of("id", id, "name", "item", "stock", 3);
    }
  }

  @RestController
  static class Users {
    private final JdbcTemplate users;

    Users(JdbcTemplate users) {
      this.users = users;
    }

    @GetMapping("/api/users/{id}")
    Map<String, Object> user(@PathVariable("id") int id) {
      return users.queryForMap("select name, email from users where id = ?", id);
    }

    @GetMapping("/health")
    String health() {
      return "ok";
    }
  }
}
