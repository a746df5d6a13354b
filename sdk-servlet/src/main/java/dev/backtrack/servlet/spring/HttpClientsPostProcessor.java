package dev.backtrack.servlet.spring;

import dev.backtrack.servlet.http.BacktrackClientHttpRequestInterceptor;
import dev.backtrack.servlet.http.BacktrackHttpClient;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Adds {@link BacktrackClientHttpRequestInterceptor} to {@code RestTemplate} and
 * {@code RestClient.Builder} beans and to Boot's {@code RestTemplateBuilder} (found by name and
 * called reflectively: it lives in different packages in Boot 3 and Boot 4), and wraps
 * {@code java.net.http.HttpClient} beans.
 */
final class HttpClientsPostProcessor implements BeanPostProcessor {
  private static final ClientHttpRequestInterceptor INTERCEPTOR =
      new BacktrackClientHttpRequestInterceptor();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof RestTemplate template) {
      if (template.getInterceptors().stream()
          .noneMatch(i -> i instanceof BacktrackClientHttpRequestInterceptor)) {
        template.getInterceptors().add(0, INTERCEPTOR);
      }
      return bean;
    }
    if (bean instanceof RestClient.Builder builder) {
      return builder.requestInterceptors(list -> {
        if (list.stream().noneMatch(i -> i instanceof BacktrackClientHttpRequestInterceptor)) {
          list.add(0, INTERCEPTOR);
        }
      });
    }
    if (bean instanceof HttpClient client) {
      return BacktrackHttpClient.wrap(client);
    }
    if (bean.getClass().getName().endsWith(".RestTemplateBuilder")) {
      return withInterceptor(bean);
    }
    return bean;
  }

  /** {@code builder.additionalInterceptors(INTERCEPTOR)}; the builder is immutable. */
  private static Object withInterceptor(Object builder) {
    try {
      Method add = builder.getClass().getMethod("additionalInterceptors",
          ClientHttpRequestInterceptor[].class);
      return add.invoke(builder, (Object) new ClientHttpRequestInterceptor[] {INTERCEPTOR});
    } catch (ReflectiveOperationException | RuntimeException e) {
      return builder; // an unknown builder: leave it as it is
    }
  }
}
