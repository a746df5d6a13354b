package dev.backtrack.sdk.trace;

import java.util.Objects;

/**
 * Where the current {@link RequestContext} lives while a request runs. A thread-local by
 * default; an integration whose requests hop threads (Vert.x) installs its own.
 *
 * <p>Implementations must be thread-safe and fast: {@link #get()} is called on every JDBC
 * statement and outgoing call.
 */
public interface ContextStorage {

  /** The context of the request running here, or null. */
  RequestContext get();

  /** Makes {@code ctx} current here. */
  void put(RequestContext ctx);

  /** Ends {@code ctx} being current here, if it still is. */
  void remove(RequestContext ctx);

  /** Makes {@code ctx} current in the installed storage. */
  static void attach(RequestContext ctx) {
    Installed.storage.put(Objects.requireNonNull(ctx, "ctx"));
  }

  /** Ends {@code ctx} being current in the installed storage. */
  static void detach(RequestContext ctx) {
    if (ctx != null) {
      Installed.storage.remove(ctx);
    }
  }

  /** The current context from the installed storage, or null outside of a request. */
  static RequestContext current() {
    return Installed.storage.get();
  }

  /** Replaces the storage; {@code null} goes back to the thread-local one. */
  static void install(ContextStorage storage) {
    Installed.storage = storage == null ? ThreadLocalStorage.INSTANCE : storage;
  }

  /** The default storage: one context per thread. */
  static ContextStorage threadLocal() {
    return ThreadLocalStorage.INSTANCE;
  }
}

/** Holds the installed storage; interfaces cannot have mutable static fields. */
final class Installed {
  static volatile ContextStorage storage = ThreadLocalStorage.INSTANCE;

  private Installed() {}
}

final class ThreadLocalStorage implements ContextStorage {
  static final ThreadLocalStorage INSTANCE = new ThreadLocalStorage();
  private final ThreadLocal<RequestContext> current = new ThreadLocal<>();

  @Override
  public RequestContext get() {
    return current.get();
  }

  @Override
  public void put(RequestContext ctx) {
    current.set(ctx);
  }

  @Override
  public void remove(RequestContext ctx) {
    if (current.get() == ctx) {
      // null rather than remove(): the thread keeps its map entry, and the next request's put
      // needs no new one (a null value holds on to no class loader)
      current.set(null);
    }
  }
}
