package dev.backtrack.servlet.spring;

import dev.backtrack.servlet.http.BacktrackOkHttpInterceptor;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Instruments every {@code OkHttpClient} bean with {@link BacktrackOkHttpInterceptor}. Kept apart
 * from {@link HttpClientsPostProcessor} so that only this class needs OkHttp: it is registered
 * only when OkHttp is on the classpath.
 */
final class OkHttpClientPostProcessor implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof OkHttpClient client) {
      return BacktrackOkHttpInterceptor.instrument(client);
    }
    return bean;
  }
}
