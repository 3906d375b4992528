package dev.vigil.vitals.api;

import dev.vigil.common.json.JsonSerdes;
import dev.vigil.common.web.ApiErrors.ApiError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The patient API answers only authenticated callers (HTTP basic, or an API key as a bearer token);
 * health and metrics stay open for probes and scrapers. Stateless: no session, no cookie, so no
 * CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiCredentials.class)
class ApiSecurity {

  private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
  private static final String REALM = "vitals-monitor-service";

  @Bean
  SecurityFilterChain apiFilterChain(HttpSecurity http, ApiCredentials credentials)
      throws Exception {
    if (!credentials.any()) {
      log.warn(
          "No API credentials are configured: every request to the patient API is refused with"
              + " 401. Set VIGIL_VITALS_API_USERNAME and VIGIL_VITALS_API_PASSWORD, or"
              + " VIGIL_VITALS_API_KEYS.");
    }
    AuthenticationEntryPoint unauthorized = ApiSecurity::unauthorized;
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(credentials.apiKeys(), unauthorized),
            BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * The one HTTP-basic user, if configured. Not an in-memory user manager on purpose: that one
   * would re-encode a plain password with bcrypt on the first login, making every later request pay
   * for a bcrypt check.
   */
  @Bean
  UserDetailsService apiUsers(ApiCredentials credentials) {
    return username -> {
      if (credentials.hasUser() && credentials.username().equals(username)) {
        return User.withUsername(username).password(credentials.password()).roles("API").build();
      }
      throw new UsernameNotFoundException("unknown user");
    };
  }

  /** Encoded passwords ({@code {bcrypt}…}) as usual; a plain one compared in constant time. */
  @Bean
  PasswordEncoder apiPasswordEncoder() {
    DelegatingPasswordEncoder encoder =
        (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
    encoder.setDefaultPasswordEncoderForMatches(new PlainPassword());
    return encoder;
  }

  private static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    ApiError body =
        new ApiError(
            HttpStatus.UNAUTHORIZED.value(),
            HttpStatus.UNAUTHORIZED.getReasonPhrase(),
            "authenticate with HTTP basic or Authorization: Bearer <API key>",
            request.getRequestURI());
    response.getWriter().write(JsonSerdes.MAPPER.writeValueAsString(body));
  }

  /** A password configured in plain text, as it would be compared by a person: exactly. */
  private static final class PlainPassword implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
      return rawPassword.toString();
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      return rawPassword != null
          && encodedPassword != null
          && MessageDigest.isEqual(
              rawPassword.toString().getBytes(StandardCharsets.UTF_8),
              encodedPassword.getBytes(StandardCharsets.UTF_8));
    }
  }
}
