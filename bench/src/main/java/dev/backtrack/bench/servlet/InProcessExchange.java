package dev.backtrack.bench.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal request/response pair for calling a filter's {@code doFilter} without a container:
 * a {@code GET /api/items/42} mapped by {@code /api/items/*}, answering 200. Only what a filter
 * reads on its way is implemented, as plain fields; anything else fails loudly (and is printed
 * once), so that a benchmark cannot silently measure an error path.
 */
final class InProcessExchange {
  final Request request = new Request();
  final Response response = new Response();

  /** Makes the pair fresh for the next call, as a container would hand out new ones. */
  void reset() {
    request.attributes.clear();
    response.status = 200;
  }

  static final class Request extends HttpServletRequestWrapper {
    private final Map<String, Object> attributes = new HashMap<>();

    Request() {
      super(unsupported(HttpServletRequest.class));
    }

    @Override
    public DispatcherType getDispatcherType() {
      return DispatcherType.REQUEST;
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getRequestURI() {
      return "/api/items/42";
    }

    @Override
    public String getHeader(String name) {
      return null; // no trace headers: the SDK creates the ids
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }

    @Override
    public boolean isAsyncStarted() {
      return false;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
      return ITEMS;
    }

    @Override
    public String getServletPath() {
      return "/api/items";
    }

    @Override
    public String getPathInfo() {
      return "/42";
    }
  }

  static final class Response extends HttpServletResponseWrapper {
    private int status = 200;
    private String requestId;

    Response() {
      super(unsupported(HttpServletResponse.class));
    }

    @Override
    public void setHeader(String name, String value) {
      requestId = value;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
    }

    @Override
    public int getStatus() {
      return status;
    }

    String requestId() {
      return requestId;
    }
  }

  private static final HttpServletMapping ITEMS = new HttpServletMapping() {
    @Override
    public String getMatchValue() {
      return "42";
    }

    @Override
    public String getPattern() {
      return "/api/items/*";
    }

    @Override
    public String getServletName() {
      return "items";
    }

    @Override
    public MappingMatch getMappingMatch() {
      return MappingMatch.PATH;
    }
  };

  private static <T> T unsupported(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "unsupported " + type.getSimpleName();
          }
          UnsupportedOperationException e = new UnsupportedOperationException(
              type.getSimpleName() + "." + method.getName() + " is not part of the exchange");
          Reported.once(e);
          throw e;
        }));
  }

  /** Prints the first unsupported call, which the filter itself would swallow. */
  private static final class Reported {
    private static volatile boolean done;

    static void once(RuntimeException e) {
      if (!done) {
        done = true;
        e.printStackTrace();
      }
    }
  }
}
