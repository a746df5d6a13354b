package dev.backtrack.servlet;

import dev.backtrack.sdk.Backtrack;
import dev.backtrack.sdk.BacktrackOptions;
import dev.backtrack.sdk.report.Reporter;
import dev.backtrack.sdk.trace.ContextStorage;
import dev.backtrack.sdk.trace.RequestContext;
import dev.backtrack.sdk.trace.TraceHeaders;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every HTTP request the application serves: route template, method, status, duration,
 * SQL and outgoing-call counters, the exception it ended with, and its trace ids. Sets
 * {@code X-Request-ID} on the response.
 *
 * <p>Register it first in the chain, for {@code REQUEST} dispatches; async requests are followed
 * to their end by a listener. The Spring Boot auto-configuration and
 * {@link BacktrackServletContainerInitializer} register it so. When it starts
 * and the SDK is not started yet, it starts it from system properties and environment,
 * overridden by the filter's init parameters {@code service}, {@code endpoint}, {@code token}
 * and {@code enabled}.
 */
public final class BacktrackFilter implements Filter {
  /** SDK name sent with batches. */
  public static final String SDK = "backtrack-servlet/0.1.0";

  /** Spring MVC's {@code DispatcherServlet.EXCEPTION_ATTRIBUTE}: a handled exception. */
  private static final String SPRING_EXCEPTION =
      "org.springframework.web.servlet.DispatcherServlet.EXCEPTION";

  private final Reporter ownReporter;
  private boolean startedHere;

  /** Records into the process-wide reporter ({@link Backtrack#reporter()}). */
  public BacktrackFilter() {
    this.ownReporter = null;
  }

  /** Records into {@code reporter}, e.g. to report several services from one process. */
  public BacktrackFilter(Reporter reporter) {
    this.ownReporter = reporter;
  }

  @Override
  public void init(FilterConfig config) {
    if (ownReporter != null || Backtrack.options() != null) {
      return;
    }
    try {
      BacktrackOptions options = BacktrackOptions.fromEnvironment().sdk(SDK);
      String service = config.getInitParameter("service");
      if (service != null) {
        options = options.service(service);
      } else if (options.service().equals(BacktrackOptions.DEFAULT_SERVICE)
          && config.getServletContext().getServletContextName() != null) {
        options = options.service(config.getServletContext().getServletContextName());
      }
      String endpoint = config.getInitParameter("endpoint");
      if (endpoint != null) {
        options = options.endpoint(endpoint);
      }
      String token = config.getInitParameter("token");
      if (token != null) {
        options = options.token(token);
      }
      String enabled = config.getInitParameter("enabled");
      if (enabled != null) {
        options = options.enabled(Boolean.parseBoolean(enabled.trim()));
      }
      startedHere = Backtrack.start(options);
    } catch (IllegalArgumentException e) {
      // bad settings must not take the application down: say so and record nothing
      config.getServletContext().log("backtrack is off: " + e.getMessage());
    }
  }

  @Override
  public void destroy() {
    if (startedHere) {
      Backtrack.stop();
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)
        || req.getDispatcherType() != DispatcherType.REQUEST
        || ContextStorage.current() != null) {
      // not HTTP, an inner dispatch, or registered twice: a request of this thread is recorded
      // already. (A request attribute would say so too, but would cost a servlet app without
      // attributes of its own a map per request.)
      chain.doFilter(req, res);
      return;
    }
    RequestContext ctx = RequestContext.begin(request.getMethod(),
        TraceHeaders.read(request::getHeader));
    response.setHeader(TraceHeaders.REQUEST_ID, ctx.requestId());
    ContextStorage.attach(ctx);
    Throwable error = null;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      ContextStorage.detach(ctx);
      if (error == null && request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Completion(ctx, request, response));
      } else {
        finish(ctx, request, response, error);
      }
    }
  }

  private void finish(RequestContext ctx, HttpServletRequest request,
      HttpServletResponse response, Throwable error) {
    try {
      int status = response.getStatus();
      if (error != null && status < 400) {
        status = 500; // the container sets 500 only after we return
      }
      Throwable cause = error != null ? unwrap(error) : handledException(request, status);
      // a route the application named wins at the end anyway: no lookup for it
      String route = ctx.route() != null ? null : RouteResolver.resolve(request, status);
      reporter().finish(ctx, route, status, cause);
    } catch (RuntimeException e) {
      // never let bookkeeping break the application's response
    }
  }

  private Reporter reporter() {
    return ownReporter != null ? ownReporter : Backtrack.reporter();
  }

  /** A ServletException that only wraps the application's exception says nothing itself. */
  private static Throwable unwrap(Throwable error) {
    if (error instanceof ServletException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }

  private static Throwable handledException(HttpServletRequest request, int status) {
    if (status < 500) {
      return null;
    }
    Object handled = request.getAttribute(SPRING_EXCEPTION);
    return handled instanceof Throwable t ? t : null;
  }

  /** Ends an async request when the container completes it, exactly once. */
  private final class Completion implements AsyncListener {
    private final RequestContext ctx;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Throwable error;

    Completion(RequestContext ctx, HttpServletRequest request, HttpServletResponse response) {
      this.ctx = ctx;
      this.request = request;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      if (done.compareAndSet(false, true)) {
        finish(ctx, request, response, error);
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      if (error == null) {
        error = new java.util.concurrent.TimeoutException("async request timed out");
      }
    }

    @Override
    public void onError(AsyncEvent event) {
      error = event.getThrowable();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this); // startAsync again: stay registered
    }
  }
}
