package dev.backtrack.vertx.impl;

/**
 * The routes one request passed through, as Vert.x Web reports them to the metrics SPI
 * ({@code HttpServerMetrics.requestRouted}), folded into the template of the route that
 * served it.
 *
 * <p>Vert.x Web reports every route that matched, in order and at every router level, by
 * name (its path, relative to its router). A sub-router is entered when a prefix route is
 * followed by a path it is not the start of; the first exact route ends the walk, so the
 * failure handlers that run after it do not change the template.
 *
 * <p>Not synchronized: Vert.x reports routes and ends the request on the request's own
 * context, one callback after the other, and hands over between threads (a blocking handler)
 * with the ordering that implies.
 */
final class RouteTrail {
  /** The request metric of the metrics implementation we forward to, or null. */
  final Object inner;
  private MountPoint mount = MountPoint.ROOT;
  private String last;
  private boolean done;
  /** What to run when the response has been written or the request reset, once. */
  private Runnable onEnd;

  RouteTrail() {
    this(null);
  }

  RouteTrail(Object inner) {
    this.inner = inner;
  }

  /**
   * Runs {@code action} when the response ends or the request is reset: the handler's way to
   * learn of the end without registering an end handler on every routing context.
   */
  void onEnd(Runnable action) {
    this.onEnd = action;
  }

  /** The response was written, or the request reset. */
  void ended() {
    Runnable action = onEnd;
    onEnd = null;
    if (action != null) {
      action.run();
    }
  }

  /** Takes the next route name Vert.x Web reported; null names (path-less routes) count not. */
  void routed(String name) {
    if (name == null || name.isEmpty() || done) {
      return;
    }
    if (last != null && RouteTemplates.isPrefixPath(last) && !name.startsWith(last)) {
      mount = mount.enter(last);
    }
    last = name;
    done = !RouteTemplates.isPrefixPath(name) && !name.equals("/");
  }

  /**
   * The template of the route that served the request.
   *
   * @param status the response status: a 404 that only reached a prefix route (such as a
   *     sub-router's mount point) counts as unmatched, to keep random paths out of the table
   */
  String template(int status) {
    if (last == null) {
      return RouteTemplates.UNMATCHED;
    }
    boolean prefix = RouteTemplates.isPrefixPath(last);
    if (prefix && status == 404) {
      return RouteTemplates.UNMATCHED;
    }
    return mount.template(last);
  }
}
