package dev.backtrack.collector.http;

import dev.backtrack.collector.CollectorOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Serves the dashboard's static files and the chart libraries it loads.
 *
 * <p>Our own files come from {@code webroot/} on the classpath; uPlot and Cytoscape from their
 * WebJars under {@code /vendor/uplot/} and {@code /vendor/cytoscape/} (the {@code dist/}
 * folder of each, so the page does not spell a library version). Only these paths are
 * claimed, so the order in which the API routes are mounted does not matter.
 */
public final class DashboardRoutes {
  /**
   * What the page may load and where it may connect: our own files, the collector's API, the
   * LLM providers the "analyze" button talks to, and local servers (Ollama, a local proxy).
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self' https://api.anthropic.com https://api.openai.com"
              + " http://localhost:* http://127.0.0.1:*",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'");

  private static final String WEBJARS = "META-INF/resources/webjars";
  /** The page's own paths; a regex route hands the whole path to the static handler. */
  private static final String OWN_PATHS = "/(index\\.html|favicon\\.svg|css/.+|js/.+)?";

  private DashboardRoutes() {}

  public static void mount(Router router, Vertx vertx, CollectorOptions options) {
    StaticHandler own =
        StaticHandler.create("webroot").setCachingEnabled(false).setDirectoryListing(false);
    router.getWithRegex(OWN_PATHS).handler(DashboardRoutes::securityHeaders).handler(own);
    mountWebJar(router, "uplot");
    mountWebJar(router, "cytoscape");
  }

  private static void mountWebJar(Router router, String name) {
    String root = WEBJARS + "/" + name + "/" + webJarVersion(name) + "/dist";
    StaticHandler files =
        StaticHandler.create(root).setCachingEnabled(false).setDirectoryListing(false);
    router
        .get("/vendor/" + name + "/*")
        .handler(DashboardRoutes::securityHeaders)
        .handler(DashboardRoutes::javascriptModules)
        .handler(files);
  }

  /** Headers for every file of the page; "no-cache" makes the browser revalidate each time. */
  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-cache");
    ctx.next();
  }

  /**
   * Vert.x knows no MIME type for {@code .mjs}; with "nosniff" a browser refuses a module
   * script that is not served as JavaScript.
   */
  private static void javascriptModules(RoutingContext ctx) {
    if (ctx.normalizedPath().endsWith(".mjs")) {
      ctx.addHeadersEndHandler(
          v -> ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8"));
    }
    ctx.next();
  }

  /** The version of a WebJar on the classpath, from the Maven metadata it carries. */
  static String webJarVersion(String name) {
    String resource = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    ClassLoader loader = DashboardRoutes.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("WebJar " + name + " is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
