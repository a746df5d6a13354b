package dev.backtrack.servlet;

import dev.backtrack.sdk.report.HttpTransport;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.report.ReporterSettings;
import dev.backtrack.sdk.trace.RequestContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Real Jetty 12 (ee10) servers with the filter in front, for the integration tests. */
final class ServletApps {
  private ServletApps() {}

  /** A reporter of its own for {@code service}, flushing fast, so tests need not wait. */
  static Reporter reporter(String service, URI endpoint, int bufferSize) {
    ReporterSettings settings = new ReporterSettings(service, BacktrackFilter.SDK, bufferSize,
        50, 200, ReporterSettings.DEFAULT_MAX_BATCH_EVENTS, 200, RequestContext::inFlight);
    return Reporter.start(settings, new HttpTransport(endpoint, null, Duration.ofMillis(500),
        Duration.ofSeconds(1)));
  }

  /** Starts Jetty on a random loopback port with {@code servlets} mapped as given. */
  static Server start(Reporter reporter, Map<String, HttpServlet> servlets) throws Exception {
    return start(reporter, servlets, 1);
  }

  /** As above, with the filter registered {@code filters} times, as a misconfiguration might. */
  static Server start(Reporter reporter, Map<String, HttpServlet> servlets, int filters)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    for (int i = 0; i < filters; i++) {
      FilterHolder filter = new FilterHolder(new BacktrackFilter(reporter));
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    servlets.forEach((mapping, servlet) -> {
      ServletHolder holder = new ServletHolder(servlet);
      holder.setAsyncSupported(true);
      context.addServlet(holder, mapping);
    });
    server.setHandler(context);
    server.start();
    return server;
  }

  static URI base(Server server) {
    return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0])
        .getLocalPort());
  }
}
