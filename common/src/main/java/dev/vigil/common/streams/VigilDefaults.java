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

  /** Production settings, above the defaults, when the {@value #PRODUCTION} profile is active. */
  static final String PRODUCTION_RESOURCE = "vigil-production.properties";

  static final String PRODUCTION = "production";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // Runs after the config data is loaded (it has no order, so the lowest), so the profiles that
    // application.yml or SPRING_PROFILES_ACTIVE set are known.
    if (environment.matchesProfiles(PRODUCTION)) {
      add(environment, "vigilProductionDefaults", PRODUCTION_RESOURCE);
    }
    add(environment, "vigilDefaults", RESOURCE);
  }

  private static void add(ConfigurableEnvironment environment, String name, String resource) {
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(name, new ClassPathResource(resource)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
