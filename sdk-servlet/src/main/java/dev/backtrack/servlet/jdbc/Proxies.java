package dev.backtrack.servlet.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds dynamic proxies that keep every interface of the wrapped object. A connection and a
 * statement are wrapped for each query, so the proxy class's constructor is looked up once per
 * wrapped class: {@code Proxy.newProxyInstance} would look the class up again every time.
 */
final class Proxies {
  private static final ConcurrentHashMap<Class<?>, Maker> MAKERS = new ConcurrentHashMap<>();
  /** Wrapped classes remembered at most (a pool's classes are a handful). */
  private static final int MAKERS_KEPT = 256;

  /** Makes proxies of one wrapped class. */
  private record Maker(Class<?> main, Constructor<?> constructor) {}

  private Proxies() {}

  /** A proxy of {@code target} implementing {@code main} and every interface it has. */
  static <T> T wrap(Class<T> main, Object target, InvocationHandler handler) {
    Class<?> type = target.getClass();
    Maker maker = MAKERS.get(type);
    if (maker == null || maker.main() != main) {
      maker = makerFor(main, type);
      if (MAKERS.size() < MAKERS_KEPT) {
        MAKERS.put(type, maker);
      }
    }
    try {
      return main.cast(maker.constructor().newInstance(handler));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot wrap " + type.getName(), e);
    }
  }

  private static Maker makerFor(Class<?> main, Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      loader = main.getClassLoader();
    }
    Object sample;
    try {
      sample = Proxy.newProxyInstance(loader, interfacesOf(type, main), Proxies::unused);
    } catch (IllegalArgumentException notVisible) {
      // some interface is not visible from the target's loader: settle for the main one
      sample = Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {main},
          Proxies::unused);
    }
    try {
      return new Maker(main, sample.getClass().getConstructor(InvocationHandler.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a proxy class without its constructor", e);
    }
  }

  private static Object unused(Object proxy, Method method, Object[] args) {
    throw new IllegalStateException("a sample proxy is never called");
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
