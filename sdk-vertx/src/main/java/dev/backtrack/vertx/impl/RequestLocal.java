package dev.backtrack.vertx.impl;

import dev.backtrack.sdk.trace.ContextStorage;
import dev.backtrack.sdk.trace.RequestContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * Keeps the current {@link RequestContext} in Vert.x context-local data. Vert.x runs each HTTP
 * request on its own duplicated context, which follows the request's callbacks across threads
 * (event loop, worker, SQL client), so this is where a request's state belongs, not a
 * thread-local.
 *
 * <p>The local must be registered before the first {@code Vertx} is created: the
 * {@link BacktrackServiceProvider} loads this class at that moment.
 */
public final class RequestLocal implements ContextStorage {
  static final ContextLocal<RequestContext> LOCAL =
      ContextLocal.registerLocal(RequestContext.class);

  /** The storage that {@code ContextStorage.install} receives. */
  public static final RequestLocal STORAGE = new RequestLocal();

  private RequestLocal() {}

  /** The request context attached to {@code context}, or null. */
  static RequestContext get(Context context) {
    return context == null ? null : LOCAL.get(context);
  }

  /**
   * Attaches {@code ctx} to {@code context} when that context belongs to one request only (a
   * duplicated one); a shared event-loop context would leak it to the next request.
   */
  static boolean attach(Context context, RequestContext ctx) {
    if (context instanceof ContextInternal internal && internal.isDuplicate()) {
      LOCAL.put(context, ctx);
      return true;
    }
    return false;
  }

  @Override
  public RequestContext get() {
    Context context = Vertx.currentContext();
    if (context != null) {
      RequestContext ctx = LOCAL.get(context);
      if (ctx != null) {
        return ctx;
      }
    }
    return ContextStorage.threadLocal().get();
  }

  @Override
  public void put(RequestContext ctx) {
    if (!attach(Vertx.currentContext(), ctx)) {
      ContextStorage.threadLocal().put(ctx);
    }
  }

  @Override
  public void remove(RequestContext ctx) {
    Context context = Vertx.currentContext();
    if (context != null && LOCAL.get(context) == ctx) {
      LOCAL.remove(context);
    } else {
      ContextStorage.threadLocal().remove(ctx);
    }
  }
}
