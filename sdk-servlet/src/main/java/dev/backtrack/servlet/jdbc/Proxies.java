package dev.backtrack.servlet.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Dynamic proxies for data sources, which keep every interface of the wrapped object: a
 * container or framework may close a pool's data source through {@code Closeable}, or manage it
 * through an interface of its own. Data sources are wrapped once, at startup; their
 * {@code getConnection}, the one call made per request, skips reflection, and the objects made
 * per query are written out ({@link InstrumentedConnection}).
 */
final class Proxies {
  private Proxies() {}

  /** A proxy of {@code target} implementing {@code main} and every interface it has. */
  static <T> T wrap(Class<T> main, Object target, InvocationHandler handler) {
    Class<?> type = target.getClass();
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader()
        : main.getClassLoader();
    try {
      return main.cast(Proxy.newProxyInstance(loader, interfacesOf(type, main), handler));
    } catch (IllegalArgumentException notVisible) {
      // some interface is not visible from the target's loader: settle for the main one
      return main.cast(Proxy.newProxyInstance(Proxies.class.getClassLoader(),
          new Class<?>[] {main}, handler));
    }
  }

  private static Class<?>[] interfacesOf(Class<?> type, Class<?> main) {
    Set<Class<?>> all = new LinkedHashSet<>();
    all.add(main);
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
          all.add(i);
        }
      }
    }
    return all.toArray(new Class<?>[0]);
  }

  /** Calls {@code method} on {@code target}, rethrowing what it threw as it is. */
  static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Whether {@code proxy} is a proxy with a handler of class {@code handlerType}. */
  static boolean isOurs(Object proxy, Class<?> handlerType) {
    return Proxy.isProxyClass(proxy.getClass())
        && handlerType.isInstance(Proxy.getInvocationHandler(proxy));
  }
}
