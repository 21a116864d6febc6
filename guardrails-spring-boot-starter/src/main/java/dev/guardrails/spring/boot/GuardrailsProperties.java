package dev.guardrails.spring.boot;

import dev.guardrails.Action;
import dev.guardrails.FailMode;
import dev.guardrails.spring.ai.InputMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code guardrails.*} properties. Bound by Spring Boot; read once at startup.
 */
@ConfigurationProperties(prefix = "guardrails")
public class GuardrailsProperties {

  /** Whether the guardrails auto-configuration is active. */
  private boolean enabled = true;
  /** Policy preset: defaults, strict, lenient or report-only. Ignored when policy-file is set. */
  private String policy = "defaults";
  /** Policy file (guardrails policy syntax), e.g. classpath:guardrails.policy or file:/etc/app/policy. */
  private String policyFile;
  /** Ids of the detectors to run (e.g. pii.email, secrets); empty runs all detectors on the class path. */
  private List<String> detectors = new ArrayList<>();
  /** Time limit per detector; unset means no limit. */
  private Duration detectorTimeout;
  /** What a failing or timed-out detector does: CLOSED blocks the answer, OPEN flags it. */
  private FailMode failMode = FailMode.CLOSED;
  /** Longest text checked, in chars; longer texts are blocked. */
  private Integer maxInput;
  /** Entries of the result cache; 0 turns the cache off. */
  private long cacheSize;
  /** Action for PII the user supplied themselves (an echo, not a leak). */
  private Action echoAction = Action.ALLOW;
  /** Text shown instead of a blocked answer by the core API (safeText of a BLOCK result). */
  private String blockMessage = "";
  /** The Spring AI advisor. */
  private final Advisor advisor = new Advisor();

  /** Properties of the Spring AI advisor ({@code guardrails.advisor.*}). */
  public static class Advisor {
    /** Whether a GuardrailAdvisor bean is created. */
    private boolean enabled = true;
    /** Advisor order; the default runs before the tool-calling advisor. */
    private int order = dev.guardrails.spring.ai.GuardrailAdvisor.DEFAULT_ORDER;
    /** What happens to the user's prompt: OFF, ECHO, REDACT or BLOCK. */
    private InputMode input = InputMode.ECHO;
    /** How many times a blocked answer is re-asked (0..10). */
    private int reask;
    /** Message returned instead of a blocked answer; unset throws GuardrailViolationException. */
    private String fallback;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getOrder() { return order; }
    public void setOrder(int order) { this.order = order; }
    public InputMode getInput() { return input; }
    public void setInput(InputMode input) { this.input = input; }
    public int getReask() { return reask; }
    public void setReask(int reask) { this.reask = reask; }
    public String getFallback() { return fallback; }
    public void setFallback(String fallback) { this.fallback = fallback; }
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public String getPolicy() { return policy; }
  public void setPolicy(String policy) { this.policy = policy; }
  public String getPolicyFile() { return policyFile; }
  public void setPolicyFile(String policyFile) { this.policyFile = policyFile; }
  public List<String> getDetectors() { return detectors; }
  public void setDetectors(List<String> detectors) { this.detectors = detectors; }
  public Duration getDetectorTimeout() { return detectorTimeout; }
  public void setDetectorTimeout(Duration detectorTimeout) { this.detectorTimeout = detectorTimeout; }
  public FailMode getFailMode() { return failMode; }
  public void setFailMode(FailMode failMode) { this.failMode = failMode; }
  public Integer getMaxInput() { return maxInput; }
  public void setMaxInput(Integer maxInput) { this.maxInput = maxInput; }
  public long getCacheSize() { return cacheSize; }
  public void setCacheSize(long cacheSize) { this.cacheSize = cacheSize; }
  public Action getEchoAction() { return echoAction; }
  public void setEchoAction(Action echoAction) { this.echoAction = echoAction; }
  public String getBlockMessage() { return blockMessage; }
  public void setBlockMessage(String blockMessage) { this.blockMessage = blockMessage; }
  public Advisor getAdvisor() { return advisor; }
}
