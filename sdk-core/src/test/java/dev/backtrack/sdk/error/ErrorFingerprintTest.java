package dev.backtrack.sdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.sdk.event.ErrorInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ErrorFingerprintTest {

  private static RuntimeException failHere(String message) {
    return new IllegalStateException(message);
  }

  private static RuntimeException failThere(String message) {
    return new IllegalStateException(message);
  }

  @Test
  void sameThrowSiteGivesSameFingerprintWhateverTheMessage() {
    List<String> prints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      prints.add(ErrorFingerprint.of(failHere("order " + i + " failed")));
    }
    assertThat(prints).containsOnly(prints.get(0));
    assertThat(prints.get(0)).matches("[0-9a-f]{16}");
  }

  @Test
  void differentThrowSitesGiveDifferentFingerprints() {
    assertThat(ErrorFingerprint.of(failHere("x"))).isNotEqualTo(ErrorFingerprint.of(failThere("x")));
  }

  @Test
  void exceptionClassIsPartOfTheFingerprint() {
    RuntimeException a = new IllegalStateException();
    RuntimeException b = new IllegalArgumentException();
    StackTraceElement[] same = a.getStackTrace();
    b.setStackTrace(same);
    assertThat(ErrorFingerprint.of(a)).isNotEqualTo(ErrorFingerprint.of(b));
  }

  @Test
  void causesCount() {
    RuntimeException plain = failHere("x");
    RuntimeException wrapped = failHere("x");
    wrapped.initCause(new java.io.IOException("disk"));
    wrapped.setStackTrace(plain.getStackTrace());
    assertThat(ErrorFingerprint.of(plain)).isNotEqualTo(ErrorFingerprint.of(wrapped));
  }

  @Test
  void ignoresNumberedGeneratedFrames() {
    RuntimeException a = failHere("x");
    RuntimeException b = failHere("x");
    a.setStackTrace(frames("shop.Orders$$Lambda$123/0x0000000800c0b000", "com.sun.proxy.$Proxy12",
        "jdk.internal.reflect.GeneratedMethodAccessor42", "shop.Orders$$SpringCGLIB$$0"));
    b.setStackTrace(frames("shop.Orders$$Lambda$77/0x0000000800d00000", "com.sun.proxy.$Proxy99",
        "jdk.internal.reflect.GeneratedMethodAccessor7", "shop.Orders$$SpringCGLIB$$1"));
    assertThat(ErrorFingerprint.of(a)).isEqualTo(ErrorFingerprint.of(b));
  }

  @Test
  void theDispatchPathBelowTheApplicationDoesNotCount() {
    RuntimeException onEventLoop = new ArithmeticException("/ by zero");
    onEventLoop.setStackTrace(stack("shop.Checkout#lambda$total$2", "shop.Checkout#total",
        "io.vertx.core.impl.future.Mapping#onSuccess", "io.netty.channel.nio.NioEventLoop#run"));
    RuntimeException onWorker = new ArithmeticException("/ by zero");
    onWorker.setStackTrace(stack("shop.Checkout#lambda$total$2", "shop.Checkout#total",
        "io.vertx.core.impl.future.Composition#onSuccess",
        "java.util.concurrent.ThreadPoolExecutor#runWorker"));
    RuntimeException elsewhere = new ArithmeticException("/ by zero");
    elsewhere.setStackTrace(stack("shop.Checkout#lambda$total$2", "shop.Cart#total",
        "io.vertx.core.impl.future.Mapping#onSuccess"));

    assertThat(ErrorFingerprint.of(onEventLoop)).isEqualTo(ErrorFingerprint.of(onWorker));
    assertThat(ErrorFingerprint.of(onEventLoop)).isNotEqualTo(ErrorFingerprint.of(elsewhere));
  }

  @Test
  void anErrorInsideTheServerCountsItsThrowSiteOnly() {
    String[] throwSite = {"org.eclipse.jetty.http.HttpParser#parseLine",
        "org.eclipse.jetty.http.HttpParser#parseNext",
        "org.eclipse.jetty.server.HttpConnection#parse",
        "org.eclipse.jetty.server.HttpConnection#onFillable",
        "org.eclipse.jetty.io.AbstractConnection$ReadCallback#succeeded",
        "org.eclipse.jetty.io.FillInterest#fillable",
        "org.eclipse.jetty.io.SelectableChannelEndPoint$1#run",
        "org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy#runTask"};
    RuntimeException inSelector = new IllegalStateException("bad request line");
    inSelector.setStackTrace(stack(concat(throwSite,
        "org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy#produce",
        "org.eclipse.jetty.io.ManagedSelector$$Lambda$1#run")));
    RuntimeException inPool = new IllegalStateException("bad request line");
    inPool.setStackTrace(stack(concat(throwSite,
        "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner#run", "java.lang.Thread#run")));
    RuntimeException elsewhere = new IllegalStateException("bad request line");
    elsewhere.setStackTrace(stack(concat(
        new String[] {"org.eclipse.jetty.http.HttpParser#parseHeaders"}, throwSite)));

    assertThat(ErrorFingerprint.of(inSelector)).isEqualTo(ErrorFingerprint.of(inPool));
    assertThat(ErrorFingerprint.of(inSelector)).isNotEqualTo(ErrorFingerprint.of(elsewhere));
  }

  @Test
  void frameworkFramesAboveTheApplicationStillCount() {
    RuntimeException inParser = new IllegalArgumentException();
    inParser.setStackTrace(stack("com.fasterxml.Parser#read", "shop.Orders#parse",
        "org.eclipse.jetty.server.Server#handle"));
    RuntimeException inOtherParser = new IllegalArgumentException();
    inOtherParser.setStackTrace(stack("com.fasterxml.Parser#skip", "shop.Orders#parse",
        "org.eclipse.jetty.server.Server#handle"));
    assertThat(ErrorFingerprint.of(inParser)).isNotEqualTo(ErrorFingerprint.of(inOtherParser));
  }

  @Test
  void survivesCyclicCauses() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(ErrorFingerprint.of(a)).hasSize(16);
  }

  @Test
  void recognizesGeneratedClassNames() {
    assertThat(ErrorFingerprint.isGenerated("$Proxy12")).isTrue();
    assertThat(ErrorFingerprint.isGenerated("jdk.proxy2.$Proxy31")).isTrue();
    assertThat(ErrorFingerprint.isGenerated("shop.ProxyController")).isFalse();
    assertThat(ErrorFingerprint.isGenerated("shop.$ProxyX")).isFalse();
    Runnable proxy = (Runnable) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Runnable.class}, (p, m, args) -> null);
    assertThat(ErrorFingerprint.isGenerated(proxy.getClass().getName())).isTrue();
    Supplier<String> lambda = () -> "x";
    assertThat(ErrorFingerprint.isGenerated(lambda.getClass().getName())).isTrue();
  }

  @Test
  void errorInfoCarriesTypeMessageFingerprintAndCutStack() {
    RuntimeException e = failHere("stock is negative");
    ErrorInfo info = ErrorInfo.of(e);
    assertThat(info.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(info.message()).isEqualTo("stock is negative");
    assertThat(info.fingerprint()).isEqualTo(ErrorFingerprint.of(e));
    assertThat(info.stack()).startsWith("java.lang.IllegalStateException: stock is negative")
        .contains("ErrorFingerprintTest.failHere");

    RuntimeException deep = new RuntimeException("deep");
    StackTraceElement[] many = new StackTraceElement[5000];
    for (int i = 0; i < many.length; i++) {
      many[i] = new StackTraceElement("shop.VeryLongClassNameForTesting" + i, "method", "F.java",
          i);
    }
    deep.setStackTrace(many);
    assertThat(ErrorInfo.of(deep).stack()).hasSize(ErrorInfo.MAX_STACK_CHARS);
  }

  /** Frames given as {@code class#method}, each on line 10. */
  private static String[] concat(String[] first, String... more) {
    String[] out = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, out, first.length, more.length);
    return out;
  }

  private static StackTraceElement[] stack(String... frames) {
    StackTraceElement[] out = new StackTraceElement[frames.length];
    for (int i = 0; i < frames.length; i++) {
      String[] parts = frames[i].split("#");
      out[i] = new StackTraceElement(parts[0], parts[1], "F.java", 10);
    }
    return out;
  }

  private static StackTraceElement[] frames(String... generated) {
    List<StackTraceElement> out = new ArrayList<>();
    out.add(new StackTraceElement("shop.Orders", "place", "Orders.java", 42));
    for (String g : generated) {
      out.add(new StackTraceElement(g, "invoke", null, -1));
    }
    out.add(new StackTraceElement("shop.Api", "handle", "Api.java", 7));
    return out.toArray(new StackTraceElement[0]);
  }
}
