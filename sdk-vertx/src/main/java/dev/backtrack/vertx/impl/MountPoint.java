package dev.backtrack.vertx.impl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a request's routes sit: the root router, or a sub-router reached through the prefix
 * routes it is mounted on. Each mount point remembers the templates of the routes below it and
 * the mount points below it, keyed by Vert.x's own route name strings, so that a request finds
 * its template without building a path string or hashing one (a route's name computes its
 * hash once).
 */
final class MountPoint {
  /** The root router's. */
  static final MountPoint ROOT = new MountPoint("");

  /** Entries remembered over all mount points: an application has a few dozen routes. */
  private static final int LIMIT = 1024;
  private static final AtomicInteger REMEMBERED = new AtomicInteger();

  /** The joined mount path, without a trailing slash: "" for the root, "/api" below it. */
  private final String path;
  private final ConcurrentMap<String, MountPoint> below = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> templates = new ConcurrentHashMap<>();

  private MountPoint(String path) {
    this.path = path;
  }

  /** The mount point of the sub-router mounted on prefix route {@code prefixRoute} here. */
  MountPoint enter(String prefixRoute) {
    MountPoint next = below.get(prefixRoute);
    if (next == null) {
      next = new MountPoint(path + prefixRoute.substring(0, prefixRoute.length() - 1));
      remember(below, prefixRoute, next);
    }
    return next;
  }

  /** The canonical template of route {@code route} of the router mounted here. */
  String template(String route) {
    String template = templates.get(route);
    if (template == null) {
      template = RouteTemplates.canonical(path + route, RouteTemplates.isPrefixPath(route));
      remember(templates, route, template);
    }
    return template;
  }

  private static <V> void remember(ConcurrentMap<String, V> map, String key, V value) {
    if (REMEMBERED.get() < LIMIT && map.putIfAbsent(key, value) == null) {
      REMEMBERED.incrementAndGet();
    }
  }
}
