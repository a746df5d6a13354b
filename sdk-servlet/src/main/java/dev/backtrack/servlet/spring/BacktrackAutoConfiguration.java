package dev.backtrack.servlet.spring;

import dev.backtrack.servlet.BacktrackFilter;
import dev.backtrack.servlet.BacktrackServletContainerInitializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Spring Boot 3 and 4: with this jar on the classpath, requests, JDBC statements and outgoing
 * calls are recorded without further code. Properties: {@code backtrack.enabled},
 * {@code backtrack.service} (default {@code spring.application.name}),
 * {@code backtrack.endpoint}, {@code backtrack.token}, {@code backtrack.instrument-outgoing}.
 * Class conditions are strings so that nothing optional is loaded when absent.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "backtrack.enabled", havingValue = "true", matchIfMissing = true)
public class BacktrackAutoConfiguration {

  @Bean
  BacktrackStarter backtrackStarter(Environment env) {
    return new BacktrackStarter(env);
  }

  @Bean
  @ConditionalOnClass(name = "javax.sql.DataSource")
  static BeanPostProcessor backtrackDataSourcePostProcessor() {
    return new DataSourcePostProcessor();
  }

  /** The filter, first in the chain. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static class Web {
    @Bean
    FilterRegistrationBean<BacktrackFilter> backtrackFilter(BacktrackStarter started) {
      FilterRegistrationBean<BacktrackFilter> registration =
          new FilterRegistrationBean<>(new BacktrackFilter());
      registration.setName(BacktrackServletContainerInitializer.FILTER_NAME);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      registration.setAsyncSupported(true);
      registration.addUrlPatterns("/*");
      return registration;
    }
  }

  /** Spring's HTTP clients and {@code java.net.http} client beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
  @ConditionalOnProperty(name = "backtrack.instrument-outgoing", havingValue = "true",
      matchIfMissing = true)
  static class Outgoing {
    @Bean
    static BeanPostProcessor backtrackHttpClientsPostProcessor() {
      return new HttpClientsPostProcessor();
    }
  }

  /** {@code OkHttpClient} beans, when OkHttp is there. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "okhttp3.OkHttpClient")
  @ConditionalOnProperty(name = "backtrack.instrument-outgoing", havingValue = "true",
      matchIfMissing = true)
  static class OkHttp {
    @Bean
    static BeanPostProcessor backtrackOkHttpClientPostProcessor() {
      return new OkHttpClientPostProcessor();
    }
  }
}
