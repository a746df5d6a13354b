package dev.backtrack.servlet.spring;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.servlet.BacktrackFilter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * Starts the SDK from the application's properties ({@code backtrack.*}, the service name
 * defaulting to {@code spring.application.name}) and stops it with the context.
 */
public final class BacktrackStarter implements InitializingBean, DisposableBean {
  private final Environment env;
  private boolean startedHere;

  public BacktrackStarter(Environment env) {
    this.env = env;
  }

  /** The options this application's properties describe. */
  static BacktrackOptions options(Environment env) {
    BacktrackOptions o = BacktrackOptions.fromEnvironment().sdk(BacktrackFilter.SDK);
    String service = text(env, "backtrack.service");
    if (service == null) {
      service = text(env, "spring.application.name");
    }
    if (service != null) {
      o = o.service(service);
    }
    String endpoint = text(env, "backtrack.endpoint");
    if (endpoint != null) {
      o = o.endpoint(endpoint);
    }
    String token = text(env, "backtrack.token");
    if (token != null) {
      o = o.token(token);
    }
    Integer buffer = env.getProperty("backtrack.buffer-size", Integer.class);
    if (buffer != null) {
      o = o.bufferSize(buffer);
    }
    Long flush = env.getProperty("backtrack.flush-interval-ms", Long.class);
    if (flush != null) {
      o = o.flushIntervalMillis(flush);
    }
    Long heartbeat = env.getProperty("backtrack.heartbeat-interval-ms", Long.class);
    if (heartbeat != null) {
      o = o.heartbeatIntervalMillis(heartbeat);
    }
    return o;
  }

  private static String text(Environment env, String key) {
    String v = env.getProperty(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  @Override
  public void afterPropertiesSet() {
    startedHere = Backtrack.start(options(env));
  }

  @Override
  public void destroy() {
    if (startedHere) {
      Backtrack.stop();
    }
  }
}
