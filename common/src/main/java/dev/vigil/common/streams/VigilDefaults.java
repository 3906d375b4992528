package dev.vigil.common.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the suite-wide defaults in {@code vigil-defaults.properties} with the lowest precedence, so
 * every service starts from the same streams, health and metrics settings and any of them can be
 * overridden in the service's {@code application.yml}, a profile, or the environment.
 */
public class VigilDefaults implements EnvironmentPostProcessor {

  static final String RESOURCE = "vigil-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource("vigilDefaults", new ClassPathResource(RESOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
