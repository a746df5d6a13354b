package dev.backtrack.servlet.http;

import dev.backtrack.sdk.trace.RequestContext;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Remembers the request each OkHttp call was created in. OkHttp creates a call's event listener
 * on the thread that calls {@code newCall}, which is the request's own thread, while an
 * {@code enqueue}d call later runs its interceptors on OkHttp's threads, where there is no
 * current request. The application's own listener factory keeps working unchanged.
 */
final class OkHttpCallOrigins implements EventListener.Factory {
  // Weak keys: a call that is created but never run must not keep its request alive.
  private static final Map<Call, RequestContext> ORIGINS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final EventListener.Factory delegate;

  private OkHttpCallOrigins(EventListener.Factory delegate) {
    this.delegate = delegate;
  }

  /** {@code delegate} that also remembers each call's request; once only. */
  static EventListener.Factory around(EventListener.Factory delegate) {
    return delegate instanceof OkHttpCallOrigins ? delegate : new OkHttpCallOrigins(delegate);
  }

  /** The request {@code call} was created in, forgotten from now on; null when none. */
  static RequestContext take(Call call) {
    return ORIGINS.remove(call);
  }

  @Override
  public EventListener create(Call call) {
    RequestContext ctx = RequestContext.current();
    if (ctx != null) {
      ORIGINS.put(call, ctx);
    }
    return delegate.create(call);
  }
}
