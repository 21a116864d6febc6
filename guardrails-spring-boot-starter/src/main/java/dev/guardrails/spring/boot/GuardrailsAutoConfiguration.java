package dev.guardrails.spring.boot;

import dev.guardrails.Detector;
import dev.guardrails.OversizeMode;
import dev.guardrails.GuardListener;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.spring.ai.GuardrailAdvisor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures a {@link Guardrail} from {@link GuardrailsProperties} (unless the application
 * defines its own {@code Guardrail} bean), a {@link GuardrailAdvisor} bean for Spring AI's
 * {@code ChatClient}, and, when a {@link MeterRegistry} bean exists, a
 * {@link MicrometerGuardListener}. Every {@link GuardListener} bean is attached to the guardrail.
 * A bad property value fails startup with a {@link GuardrailsConfigurationException}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(Guardrail.class)
@ConditionalOnProperty(prefix = "guardrails", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GuardrailsProperties.class)
public class GuardrailsAutoConfiguration {

  /**
   * The guardrail built from the properties.
   *
   * @param props the properties
   * @param listeners the listener beans
   * @param resources resolves {@code guardrails.policy-file}
   * @return the guardrail
   */
  @Bean
  @ConditionalOnMissingBean
  public Guardrail guardrail(GuardrailsProperties props, ObjectProvider<GuardListener> listeners, ResourceLoader resources) {
    Guardrail.Builder b = Guardrail.builder();
    Map<String, Detector> known = new LinkedHashMap<>();
    for (Detector d : ServiceLoader.load(Detector.class, resources.getClassLoader())) {
      known.putIfAbsent(d.id(), d);
    }
    if (props.getDetectors().isEmpty()) {
      known.values().forEach(b::detector);
    } else {
      for (String id : props.getDetectors()) {
        Detector d = known.get(id.trim());
        if (d == null) {
          throw new GuardrailsConfigurationException("guardrails.detectors: unknown detector id '" + id
              + "'; known ids: " + known.keySet(), null);
        }
        b.detector(d);
      }
    }
    b.policy(policy(props, resources));
    if (props.getDetectorTimeout() != null) {
      if (props.getDetectorTimeout().isNegative() || props.getDetectorTimeout().isZero()) {
        throw new GuardrailsConfigurationException("guardrails.detector-timeout must be positive: "
            + props.getDetectorTimeout(), null);
      }
      b.detectorTimeout(props.getDetectorTimeout());
    }
    b.failMode(props.getFailMode());
    if (props.getMaxInput() != null) {
      if (props.getMaxInput() < 1) {
        throw new GuardrailsConfigurationException("guardrails.max-input must be >= 1: " + props.getMaxInput(), null);
      }
      b.maxInput(props.getMaxInput(), OversizeMode.REJECT);
    }
    if (props.getCacheSize() < 0) {
      throw new GuardrailsConfigurationException("guardrails.cache-size must be >= 0: " + props.getCacheSize(), null);
    } else if (props.getCacheSize() > 0) {
      b.cache(props.getCacheSize());
    }
    b.echoAction(props.getEchoAction());
    b.blockMessage(props.getBlockMessage());
    List<GuardListener> all = new ArrayList<>();
    listeners.orderedStream().forEach(all::add);
    if (all.size() == 1) {
      b.listener(all.get(0));
    } else if (!all.isEmpty()) {
      b.listener(new CompositeListener(List.copyOf(all)));
    }
    return b.build();
  }

  private static Policy policy(GuardrailsProperties props, ResourceLoader resources) {
    String file = props.getPolicyFile();
    if (file != null && !file.isBlank()) {
      Resource r = resources.getResource(file);
      if (!r.exists()) {
        throw new GuardrailsConfigurationException("guardrails.policy-file: no such resource: " + file, null);
      }
      try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
        return Policy.parse(in);
      } catch (IllegalArgumentException e) {
        throw new GuardrailsConfigurationException("guardrails.policy-file " + file + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new GuardrailsConfigurationException("guardrails.policy-file " + file + ": cannot be read ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    try {
      return Policy.preset(props.getPolicy().trim());
    } catch (IllegalArgumentException e) {
      throw new GuardrailsConfigurationException("guardrails.policy: unknown preset '" + props.getPolicy()
          + "'; use defaults, strict, lenient or report-only, or set guardrails.policy-file", e);
    }
  }

  /** Calls every listener; one that throws does not stop the others (the engine logs and swallows). */
  private record CompositeListener(List<GuardListener> listeners) implements GuardListener {
    @Override
    public void checkCompleted(CheckEvent event) {
      for (GuardListener l : listeners) {
        try {
          l.checkCompleted(event);
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(GuardrailsAutoConfiguration.class)
              .warn("listener {} threw {}; ignored", l.getClass().getName(), e.getClass().getName());
        }
      }
    }

    @Override
    public void detectorFailed(dev.guardrails.DetectorError error) {
      for (GuardListener l : listeners) {
        try {
          l.detectorFailed(error);
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(GuardrailsAutoConfiguration.class)
              .warn("listener {} threw {}; ignored", l.getClass().getName(), e.getClass().getName());
        }
      }
    }
  }

  /** The Spring AI advisor, when Spring AI's ChatClient is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.ai.chat.client.advisor.api.CallAdvisor")
  @ConditionalOnProperty(prefix = "guardrails.advisor", name = "enabled", matchIfMissing = true)
  static class AdvisorConfiguration {
    @Bean
    @ConditionalOnMissingBean
    GuardrailAdvisor guardrailAdvisor(Guardrail guardrail, GuardrailsProperties props) {
      GuardrailsProperties.Advisor a = props.getAdvisor();
      GuardrailAdvisor.Builder b = GuardrailAdvisor.builder(guardrail).order(a.getOrder()).input(a.getInput());
      try {
        b.reask(a.getReask());
      } catch (IllegalArgumentException e) {
        throw new GuardrailsConfigurationException("guardrails.advisor.reask must be in 0..10: " + a.getReask(), e);
      }
      if (a.getFallback() != null) {
        b.fallback(a.getFallback());
      }
      return b.build();
    }
  }

  /** Micrometer metrics, when a MeterRegistry bean exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
  static class MetricsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    MicrometerGuardListener micrometerGuardListener(MeterRegistry registry) {
      return new MicrometerGuardListener(registry);
    }
  }
}
