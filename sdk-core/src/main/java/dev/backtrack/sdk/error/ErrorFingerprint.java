package dev.backtrack.sdk.error;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Groups exceptions by where they were thrown, not by what their message says.
 *
 * <p>The fingerprint is the first 16 hex chars of a SHA-256 over the exception's class name and,
 * for the exception and each of its causes, every stack frame's declaring class, method and line.
 * The message is left out (it often carries ids). Frames of classes the JVM or a framework
 * generates with numbered names ({@code $$Lambda$123}, {@code $Proxy12},
 * {@code GeneratedMethodAccessor42}, {@code jdk.internal.reflect}) are skipped, the numbered
 * suffix of a CGLIB/ByteBuddy subclass is dropped, and the JDK's own frames contribute no line
 * numbers, so that the same bug gives the same fingerprint across restarts, machines and JDK
 * patch releases.
 *
 * <p>Only the application's part of each stack counts: once a frame of application code has been
 * hashed, the first frame of a framework, server or JDK below it ends that stack. What lies
 * deeper is the path by which the server or an asynchronous callback reached the application
 * (an event loop, a thread pool, a future completing on another thread), and that path changes
 * from one request to the next while the bug stays the same. A stack with no application frame
 * at all (an error raised inside a server or framework) counts its top
 * {@value #FRAMEWORK_ONLY_FRAMES} frames: where it was thrown, not how the thread got there.
 */
public final class ErrorFingerprint {
  /** Causes followed at most, so a long or cyclic chain stays cheap. */
  static final int MAX_CAUSES = 16;
  /** Frames hashed per throwable at most. */
  static final int MAX_FRAMES = 512;
  /** Frames hashed of a stack without application frames. */
  static final int FRAMEWORK_ONLY_FRAMES = 8;

  /** Packages of runtimes, servers and frameworks that dispatch to application code. */
  private static final String[] FRAMEWORK_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "io.netty.", "io.vertx.",
    "org.eclipse.jetty.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
    "io.undertow.", "org.springframework.", "org.glassfish.jersey.", "org.jboss.resteasy.",
    "io.micronaut.", "reactor.", "kotlin.coroutines.", "kotlinx.coroutines.",
    "dev.backtrack.sdk.", "dev.backtrack.servlet.", "dev.backtrack.vertx."
  };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ErrorFingerprint() {}

  /** The fingerprint of {@code error}: 16 lower-case hex chars. */
  public static String of(Throwable error) {
    Objects.requireNonNull(error, "error");
    MessageDigest sha = sha256();
    StringBuilder key = new StringBuilder(256);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = error;
    for (int depth = 0; t != null && depth < MAX_CAUSES && seen.add(t); depth++) {
      key.setLength(0);
      key.append(t.getClass().getName()).append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      int limit = Math.min(frames.length, MAX_FRAMES);
      boolean hasApplication = hasApplicationFrame(frames, limit);
      boolean inApplication = false;
      int hashed = 0;
      for (int i = 0; i < limit; i++) {
        if (!hasApplication && hashed == FRAMEWORK_ONLY_FRAMES) {
          break;
        }
        boolean framework = isFramework(frames[i].getClassName());
        if (inApplication && framework) {
          break;
        }
        inApplication |= !framework && !isGenerated(frames[i].getClassName());
        if (appendFrame(key, frames[i])) {
          hashed++;
        }
      }
      sha.update(key.toString().getBytes(StandardCharsets.UTF_8));
      t = t.getCause();
    }
    byte[] digest = sha.digest();
    char[] out = new char[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }

  private static boolean hasApplicationFrame(StackTraceElement[] frames, int limit) {
    for (int i = 0; i < limit; i++) {
      String cls = frames[i].getClassName();
      if (!isFramework(cls) && !isGenerated(cls)) {
        return true;
      }
    }
    return false;
  }

  /** Adds one frame to the key; false for a generated frame, which is left out. */
  private static boolean appendFrame(StringBuilder key, StackTraceElement frame) {
    String cls = frame.getClassName();
    if (isGenerated(cls)) {
      return false;
    }
    key.append(stableClassName(cls)).append('#').append(frame.getMethodName());
    if (!isJdk(cls)) {
      key.append(':').append(frame.getLineNumber());
    }
    key.append('\n');
    return true;
  }

  /** Whether a class name is one the runtime numbers differently on every start. */
  static boolean isGenerated(String cls) {
    return cls.contains("$$Lambda")
        || cls.startsWith("jdk.internal.reflect.")
        || cls.startsWith("jdk.proxy")
        || cls.startsWith("com.sun.proxy.")
        || cls.contains("GeneratedMethodAccessor")
        || cls.contains("GeneratedConstructorAccessor")
        || cls.contains("GeneratedSerializationConstructorAccessor")
        || isNumberedProxy(cls);
  }

  /** {@code $Proxy12} and the like. */
  private static boolean isNumberedProxy(String cls) {
    int at = cls.lastIndexOf("$Proxy");
    if (at < 0) {
      return false;
    }
    int i = at + "$Proxy".length();
    if (i == cls.length()) {
      return false;
    }
    for (; i < cls.length(); i++) {
      if (!Character.isDigit(cls.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Drops the numbered part of generated subclasses: {@code Foo$$SpringCGLIB$$0} → {@code Foo}. */
  static String stableClassName(String cls) {
    int at = cls.indexOf("$$");
    return at > 0 ? cls.substring(0, at) : cls;
  }

  /** Code that calls into the application rather than being part of it. */
  static boolean isFramework(String cls) {
    for (String prefix : FRAMEWORK_PREFIXES) {
      if (cls.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJdk(String cls) {
    return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.")
        || cls.startsWith("sun.") || cls.startsWith("com.sun.");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
