package dev.vigil.deploy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A service's configuration as the service itself resolves it: Spring Boot's config data processing
 * of the module's own {@code application.yml} (with its profiles), common's suite-wide defaults,
 * and the given environment variables instead of this JVM's. Only the configuration: no bean of the
 * service is created.
 */
final class ServiceConfiguration {

  private static final String LOCATION = "vigilTestConfigLocation";

  private final ConfigurableEnvironment environment;

  private ServiceConfiguration(ConfigurableEnvironment environment) {
    this.environment = environment;
  }

  static ServiceConfiguration resolve(String module, Map<String, String> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    sources.replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
    sources.addFirst(
        new MapPropertySource(
            LOCATION,
            Map.of(
                "spring.config.location",
                "file:" + Repository.applicationYml(module).toAbsolutePath())));
    SpringApplication application = new SpringApplication(Empty.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setBannerMode(Banner.Mode.OFF);
    application.setLogStartupInfo(false);
    application.setEnvironment(environment);
    try (ConfigurableApplicationContext context = application.run()) {
      return new ServiceConfiguration(context.getEnvironment());
    }
  }

  /** The value the service sees, or a description of why it cannot resolve it. */
  String get(String key) {
    try {
      return environment.getProperty(key);
    } catch (IllegalArgumentException e) {
      return "(unresolvable: " + e.getMessage() + ")";
    }
  }

  Set<String> activeProfiles() {
    return Set.of(environment.getActiveProfiles());
  }

  /** Every property the service's files and defaults define, in the profiles that are active. */
  Set<String> definedKeys() {
    Set<String> keys = new TreeSet<>();
    environment
        .getPropertySources()
        .forEach(
            source -> {
              if (source instanceof EnumerablePropertySource<?> enumerable
                  && !(source instanceof SystemEnvironmentPropertySource)
                  && !LOCATION.equals(source.getName())) {
                keys.addAll(Set.of(enumerable.getPropertyNames()));
              }
            });
    return keys;
  }

  @Configuration(proxyBeanMethods = false)
  static class Empty {}
}
