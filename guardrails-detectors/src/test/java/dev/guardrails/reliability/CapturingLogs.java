package dev.guardrails.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A tiny SLF4J provider for tests that records every log line (all levels, formatted, with any
 * throwable's messages) while {@link #start()} is in effect, so the privacy test can search the log
 * output for sentinel values. It is the only SLF4J provider on this module's test class path
 * (registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of the test
 * resources, and named by the surefire system property {@code slf4j.provider}), so it is bound in
 * Maven and in an IDE alike; outside a capture it drops everything, like slf4j-nop. Thread-safe.
 */
public final class CapturingLogs implements SLF4JServiceProvider {

  /** Why the privacy test fails when another provider was bound. */
  static final String NOT_INSTALLED = "CapturingLogs is not SLF4J's provider, so log lines cannot be searched for "
      + "sentinels; remove other SLF4J providers (slf4j-nop, logback...) from the test class path or set "
      + "-Dslf4j.provider=dev.guardrails.reliability.CapturingLogs";

  private static final List<String> LINES = new ArrayList<>();
  private static volatile boolean capturing;
  private static volatile boolean installed;

  private final ILoggerFactory factory = new Factory();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Creates the provider; called by SLF4J's service loading. */
  public CapturingLogs() {}

  /** Starts recording, clearing earlier lines. */
  public static void start() {
    synchronized (LINES) {
      LINES.clear();
    }
    capturing = true;
  }

  /** Stops recording and returns the recorded lines. */
  public static List<String> stop() {
    capturing = false;
    synchronized (LINES) {
      return new ArrayList<>(LINES);
    }
  }

  /**
   * Returns true when SLF4J bound this provider (the surefire property was set). Binds SLF4J first
   * if no logger was created yet, so the answer does not depend on which test ran first.
   */
  public static boolean installed() {
    org.slf4j.LoggerFactory.getILoggerFactory();
    return installed;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    installed = true;
  }

  private static final class Factory implements ILoggerFactory {
    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, CapturingLogger::new);
    }
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      if (!capturing) {
        return;
      }
      StringBuilder b = new StringBuilder().append(level).append(' ').append(name).append(": ")
          .append(MessageFormatter.basicArrayFormat(pattern, args));
      for (Throwable c = t; c != null; c = c.getCause()) {
        b.append(" | ").append(c);
      }
      synchronized (LINES) {
        LINES.add(b.toString());
      }
    }
  }
}
